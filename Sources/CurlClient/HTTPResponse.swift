/// An HTTP response: status, headers (in order, names as sent) and the body (decoded when gzip-encoded).
public struct HTTPResponse: Sendable {
    /// HTTP status code.
    public var status: Int
    /// Response headers of the final response (after redirects), in order.
    public var headers: [(name: String, value: String)]
    /// Body bytes, content-decoded.
    public var body: [UInt8]
    /// The URL that answered (after redirects).
    public var effectiveURL: String

    public init(status: Int, headers: [(name: String, value: String)], body: [UInt8], effectiveURL: String) {
        self.status = status
        self.headers = headers
        self.body = body
        self.effectiveURL = effectiveURL
    }

    /// The first header with this name, compared case-insensitively.
    public func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        return headers.first { $0.name.lowercased() == lowered }?.value
    }

    /// The body as UTF-8 text (invalid bytes repaired).
    public var text: String { String(decoding: body, as: UTF8.self) }
}

/// The seam every outbound caller depends on, so a test can swap the network.
public protocol HTTPTransport: Sendable {
    /// Performs one request. Throws ``TransportError`` when no HTTP response came;
    /// any HTTP status (including 4xx and 5xx) is a response, not an error.
    func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse
}
