/// A request as kubesim's API sees it, free of any HTTP library, so routes can be tested without a socket.
public struct APIRequest: Sendable {
    /// `GET`, `POST`, ...
    public var method: String
    /// The path, percent-decoded, without the query.
    public var path: String
    /// Query parameters, decoded; a repeated parameter keeps its first value.
    public var query: [String: String]
    /// The `Accept` header, empty when absent.
    public var accept: String
    /// The request body (only the admin endpoints read one).
    public var body: [UInt8]

    /// A request.
    public init(method: String = "GET", path: String, query: [String: String] = [:], accept: String = "", body: [UInt8] = []) {
        self.method = method
        self.path = path
        self.query = query
        self.accept = accept
        self.body = body
    }
}

/// kubesim's answer: status, content type, body and any extra headers.
public struct APIResponse: Sendable {
    /// The HTTP status code.
    public var status: Int
    /// The `Content-Type`.
    public var contentType: String
    /// The body.
    public var body: [UInt8]
    /// Headers beyond `Content-Type`; only `Retry-After` is sent.
    public var headers: [(name: String, value: String)]

    /// A response.
    public init(status: Int, contentType: String, body: [UInt8], headers: [(name: String, value: String)] = []) {
        self.status = status
        self.contentType = contentType
        self.body = body
        self.headers = headers
    }

    /// A JSON answer.
    static func json(_ value: JSONValue, status: Int = 200, contentType: String = "application/json") -> APIResponse {
        APIResponse(status: status, contentType: contentType, body: JSONWriter.bytes(value))
    }

    /// A `Status` error answer, with `Retry-After` when the status carries one.
    static func status(_ body: StatusBody) -> APIResponse {
        var response = json(body.json, status: body.code)
        if let seconds = body.retryAfterSeconds { response.headers.append(("Retry-After", String(seconds))) }
        return response
    }

    /// A plain-text answer.
    static func text(_ text: String, status: Int = 200, contentType: String = "text/plain; charset=utf-8") -> APIResponse {
        APIResponse(status: status, contentType: contentType, body: Array(text.utf8))
    }

    /// The body as text, for tests and logs.
    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}
