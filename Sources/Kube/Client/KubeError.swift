import CurlClient

/// Why a Kubernetes read (or loading the configuration for one) failed.
///
/// `reason` is bounded and safe as a metric label or a log key; `message` is written for the operator
/// and says what to do; `status` keeps the API server's own `Status` body when there was one.
public struct KubeError: Error, Sendable, CustomStringConvertible {
    /// The bounded cause.
    public enum Reason: Sendable, Hashable {
        /// 404: the object (or the namespace) does not exist.
        case notFound
        /// 403: RBAC does not allow the request; `rbac` says which rule would.
        case forbidden
        /// 401: the credentials were rejected (expired or revoked token, unknown certificate).
        case unauthorized
        /// 400: the request was malformed (e.g. an unsupported field selector).
        case badRequest
        /// 410: a list's continue token expired; start the list again.
        case expired
        /// 429: the API server's priority and fairness limits refused the request.
        case tooManyRequests
        /// 5xx: the API server (or an aggregated API behind it) failed.
        case serverError
        /// Any other HTTP status.
        case unexpectedStatus
        /// No HTTP response: the transport's bounded kind says why.
        case transport(TransportError.Kind)
        /// The client's own rate limiter could not grant a slot before the request's deadline.
        case throttled
        /// The response was not the JSON object expected.
        case decoding
        /// The kubeconfig or in-cluster configuration is missing or invalid.
        case config
        /// Credentials could not be obtained (exec plugin failed, token file unreadable).
        case credentials

        /// A short, bounded text for metric labels and logs (`not_found`, `transport_dns`, ...).
        public var label: String {
            switch self {
            case .notFound: "not_found"
            case .forbidden: "forbidden"
            case .unauthorized: "unauthorized"
            case .badRequest: "bad_request"
            case .expired: "expired"
            case .tooManyRequests: "too_many_requests"
            case .serverError: "server_error"
            case .unexpectedStatus: "unexpected_status"
            case .transport(let kind): "transport_\(kind.rawValue)"
            case .throttled: "throttled"
            case .decoding: "decoding"
            case .config: "config"
            case .credentials: "credentials"
            }
        }

        /// The reason for an HTTP error status.
        public init(httpStatus: Int) {
            switch httpStatus {
            case 400, 422: self = .badRequest
            case 401: self = .unauthorized
            case 403: self = .forbidden
            case 404: self = .notFound
            case 410: self = .expired
            case 429: self = .tooManyRequests
            case 500...599: self = .serverError
            default: self = .unexpectedStatus
            }
        }
    }

    /// The bounded cause.
    public let reason: Reason
    /// What happened and what to do, for people.
    public let message: String
    /// The request that failed, when the failure belongs to one.
    public var request: KubeRequestTarget?
    /// The HTTP status, when the server answered.
    public var httpStatus: Int?
    /// The API server's `Status` body, when it sent one.
    public var status: KubeStatus?
    /// For `forbidden`: the RBAC rule that would allow the request.
    public var rbac: RBACHint?
    /// For `tooManyRequests` and some 5xx: how long the server asks clients to wait.
    public var retryAfterSeconds: Int?
    /// For `transport`: the transport's error, with curl's text.
    public var transportError: TransportError?

    /// An error with a reason and a message.
    public init(_ reason: Reason, _ message: String, request: KubeRequestTarget? = nil) {
        self.reason = reason
        self.message = message
        self.request = request
    }

    /// Whether trying again later may succeed (throttling, server errors, timeouts, dropped connections).
    public var isTransient: Bool {
        switch reason {
        case .tooManyRequests, .serverError, .throttled, .expired: return true
        case .transport(let kind):
            return [.timeout, .connectTimeout, .connectionReset, .connectionRefused, .dns, .proxy].contains(kind)
        default: return false
        }
    }

    public var description: String { "\(reason.label): \(message)" }
}

/// What a request was for: the verb and the object or collection.
public struct KubeRequestTarget: Sendable, Hashable, CustomStringConvertible {
    /// `get` or `list`.
    public var verb: String
    /// The resource.
    public var resource: ResourceDescriptor
    /// The namespace; `nil` for cluster-wide requests.
    public var namespace: String?
    /// The object name; `nil` for lists.
    public var name: String?

    /// A target.
    public init(verb: String, resource: ResourceDescriptor, namespace: String?, name: String?) {
        self.verb = verb
        self.resource = resource
        self.namespace = namespace
        self.name = name
    }

    /// `get secrets "regcred" in namespace "shop"`, `list nodes (cluster-wide)`.
    public var description: String {
        var text = "\(verb) \(resource.qualifiedName)"
        if let name { text += " \"\(name)\"" }
        if let namespace { text += " in namespace \"\(namespace)\"" } else { text += " (all namespaces)" }
        return text
    }
}

/// The API server's `Status` object, as sent with every error response.
public struct KubeStatus: Decodable, Sendable, Hashable {
    /// `Status`.
    public var kind: String?
    /// `Failure` or `Success`.
    public var status: String?
    /// The server's message (`secrets "x" is forbidden: User "..." cannot get ...`).
    public var message: String?
    /// A CamelCase reason (`NotFound`, `Forbidden`, `Unauthorized`, `TooManyRequests`, ...).
    public var reason: String?
    /// Details about the object and the causes.
    public var details: Details?
    /// The HTTP status code.
    public var code: Int?

    /// `details` of a Status.
    public struct Details: Decodable, Sendable, Hashable {
        /// The object name.
        public var name: String?
        /// The API group.
        public var group: String?
        /// The resource (plural) or kind.
        public var kind: String?
        /// Individual causes.
        public var causes: [Cause]?
        /// Suggested wait before retrying.
        public var retryAfterSeconds: Int?
    }

    /// One cause in `details.causes`.
    public struct Cause: Decodable, Sendable, Hashable {
        /// A machine-readable reason.
        public var reason: String?
        /// A message.
        public var message: String?
        /// The field concerned.
        public var field: String?
    }
}
