/// One request the probe made, for people reading the result: method, URL without its query, and
/// what came back. Never a header or a credential.
public struct ProbeStep: Codable, Sendable, Hashable, CustomStringConvertible {
    /// `GET`, `HEAD`, `POST`.
    public var method: String
    /// The URL without query string (token requests carry a scope there, and nothing else is needed).
    public var url: String
    /// The HTTP status, when a response came.
    public var status: Int?
    /// The transport error kind (`dns`, `timeout`, ...), when none came.
    public var error: String?
    /// How long the request took, in milliseconds.
    public var durationMilliseconds: Int

    enum CodingKeys: String, CodingKey {
        case method
        case url
        case status
        case error
        case durationMilliseconds = "duration_ms"
    }

    /// A step from its parts; the URL's query is dropped.
    public init(method: String, url: String, status: Int? = nil, error: String? = nil, durationMilliseconds: Int) {
        self.method = method
        self.url = url.split(separator: "?", maxSplits: 1).first.map(String.init) ?? url
        self.status = status
        self.error = error
        self.durationMilliseconds = durationMilliseconds
    }

    /// `HEAD https://r/v2/a/manifests/v1 → 404 (3 ms)`.
    public var description: String {
        "\(method) \(url) → \(status.map(String.init) ?? error ?? "?") (\(durationMilliseconds) ms)"
    }
}
