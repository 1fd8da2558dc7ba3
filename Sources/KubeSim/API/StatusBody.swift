/// `Status` bodies as the API server writes them for failed requests.
///
/// Messages and details follow k8s.io/apimachinery `pkg/api/errors/errors.go` (`NewNotFound`,
/// `NewForbidden`, `NewBadRequest`, `NewInternalError`, `NewMethodNotSupported`, ...) and the authorizer text of
/// k8s.io/apiserver `pkg/endpoints/handlers/responsewriters/errors.go` (`forbiddenMessage`). Texts that only
/// kubesim produces (injected faults, selector syntax) start with `kubesim:` so no one mistakes them for
/// real server output.
public struct StatusBody: Sendable, Equatable {
    /// The HTTP status code, also the body's `code`.
    public let code: Int
    /// The `reason`, e.g. `NotFound`.
    public let reason: String
    /// The `message`.
    public let message: String
    /// The `details` object, omitted when empty.
    public let details: JSONObject
    /// Seconds for a `Retry-After` header, when the reason calls for one.
    public let retryAfterSeconds: Int?

    init(code: Int, reason: String, message: String, details: JSONObject = JSONObject(), retryAfterSeconds: Int? = nil) {
        self.code = code
        self.reason = reason
        self.message = message
        self.details = details
        self.retryAfterSeconds = retryAfterSeconds
    }

    /// The JSON body, members in the order the API server writes them.
    public var json: JSONValue {
        var object = JSONObject([
            ("kind", "Status"), ("apiVersion", "v1"), ("metadata", .object(JSONObject())),
            ("status", "Failure"), ("message", .string(message)), ("reason", .string(reason)),
        ])
        if !details.isEmpty { object["details"] = .object(details) }
        object["code"] = .int(code)
        return .object(object)
    }

    /// `pods "x" not found`.
    static func notFound(_ type: ResourceType, name: String) -> StatusBody {
        StatusBody(
            code: 404, reason: "NotFound", message: "\(type.qualifiedName) \"\(name)\" not found",
            details: details(type, name: name))
    }

    /// The answer for a path that names no resource kubesim serves.
    static func unknownPath() -> StatusBody {
        StatusBody(
            code: 404, reason: "NotFound", message: "the server could not find the requested resource",
            details: JSONObject())
    }

    /// `secrets "regcred" is forbidden: User "..." cannot get resource "secrets" in API group "" in the
    /// namespace "shop"`; without a name for lists, `at the cluster scope` without a namespace.
    static func forbidden(_ type: ResourceType, verb: String, namespace: String, name: String, user: String) -> StatusBody {
        let scope = namespace.isEmpty ? "at the cluster scope" : "in the namespace \"\(namespace)\""
        let reason = "User \"\(user)\" cannot \(verb) resource \"\(type.plural)\" in API group \"\(type.group)\" \(scope)"
        let subject = name.isEmpty ? type.qualifiedName : "\(type.qualifiedName) \"\(name)\""
        return StatusBody(
            code: 403, reason: "Forbidden", message: "\(subject) is forbidden: \(reason)",
            details: details(type, name: name))
    }

    /// A 400 with the given message, e.g. `field label not supported: spec.foo`.
    static func badRequest(_ message: String) -> StatusBody {
        StatusBody(code: 400, reason: "BadRequest", message: message)
    }

    /// `watch is not supported on resources of kind "pods"` and the like.
    static func methodNotSupported(_ type: ResourceType, action: String) -> StatusBody {
        StatusBody(
            code: 405, reason: "MethodNotAllowed",
            message: "\(action) is not supported on resources of kind \"\(type.qualifiedName)\"",
            details: details(type, name: ""))
    }

    /// The body for an injected failure with HTTP status `code` on a request for `type`.
    static func injected(code: Int, type: ResourceType, verb: String, namespace: String, name: String, user: String) -> StatusBody {
        let cause = "kubesim: injected failure"
        switch code {
        case 401:
            return StatusBody(code: 401, reason: "Unauthorized", message: "Unauthorized")
        case 403:
            return forbidden(type, verb: verb, namespace: namespace, name: name, user: user)
        case 404:
            return notFound(type, name: name)
        case 409:
            return StatusBody(code: 409, reason: "Conflict", message: cause)
        case 410:
            return StatusBody(code: 410, reason: "Expired", message: cause)
        case 429:
            return StatusBody(
                code: 429, reason: "TooManyRequests", message: "Too many requests: \(cause)",
                details: JSONObject([("retryAfterSeconds", 1)]), retryAfterSeconds: 1)
        case 503:
            return StatusBody(code: 503, reason: "ServiceUnavailable", message: cause, retryAfterSeconds: 1)
        case 504:
            return StatusBody(
                code: 504, reason: "Timeout", message: "Timeout: \(cause)",
                details: JSONObject([("retryAfterSeconds", 1)]))
        case 500...:
            return StatusBody(
                code: code, reason: "InternalError", message: "Internal error occurred: \(cause)",
                details: JSONObject([("causes", [["message": .string(cause)]])]))
        default:
            return StatusBody(code: code, reason: "BadRequest", message: cause)
        }
    }

    /// `details` as `NewNotFound`/`NewForbidden` fill them: name, group (non-core only), kind = the plural.
    private static func details(_ type: ResourceType, name: String) -> JSONObject {
        var details = JSONObject()
        if !name.isEmpty { details["name"] = .string(name) }
        if !type.group.isEmpty { details["group"] = .string(type.group) }
        details["kind"] = .string(type.plural)
        return details
    }
}
