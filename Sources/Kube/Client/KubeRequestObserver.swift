import CurlClient

/// The metrics seam: the client reports every request here, and the server turns the records into
/// `pulldoctor_kube_api_requests_total{resource,verb,code}` and a latency histogram. Kept as a protocol so
/// this target never depends on a metrics library.
public protocol KubeRequestObserver: Sendable {
    /// Called once per request attempt, after it finished or failed (a retry after 401 is a second attempt).
    func kubeRequestFinished(_ record: KubeRequestRecord)
}

/// One finished request, with bounded values only.
public struct KubeRequestRecord: Sendable, Hashable {
    /// The plural resource (`pods`, `deployments`).
    public var resource: String
    /// `get` or `list`.
    public var verb: String
    /// The HTTP status (`200`, `403`), the transport's kind (`connection_refused`, `timeout`, ...), or
    /// `throttled` / `credentials` for requests that never left the client.
    public var code: String
    /// From the start of the call (rate limiter wait included) to its end.
    public var duration: Duration

    /// A record.
    public init(resource: String, verb: String, code: String, duration: Duration) {
        self.resource = resource
        self.verb = verb
        self.code = code
        self.duration = duration
    }

    /// Every `code` value that is not an HTTP status, for pre-creating metric series at 0.
    public static var nonHTTPCodes: [String] {
        ["throttled", "credentials"] + TransportError.Kind.allCases.map(\.rawValue)
    }
}

/// An observer made of a closure.
public struct KubeRequestCallback: KubeRequestObserver {
    private let body: @Sendable (KubeRequestRecord) -> Void

    /// Calls `body` for every record.
    public init(_ body: @escaping @Sendable (KubeRequestRecord) -> Void) {
        self.body = body
    }

    public func kubeRequestFinished(_ record: KubeRequestRecord) {
        body(record)
    }
}
