/// What the request that failed was for.
public enum RequestKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// The bearer-token request to the registry's auth service.
    case token
    /// A manifest (tag or digest) request.
    case manifest
    /// A layer or config blob download.
    case blob
    /// The `/v2/` (or `/v1/_ping`) version check.
    case ping
}
