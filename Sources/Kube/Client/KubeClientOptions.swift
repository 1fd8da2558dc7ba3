/// Limits and identity of a `KubeClient`.
public struct KubeClientOptions: Sendable {
    /// The deadline of one call, from `get`/`list` to the decoded answer, rate-limiter wait included.
    /// Default 5 s: a diagnosis makes several reads under its own deadline, and an API server that needs
    /// longer for a get is better reported than waited for.
    public var requestTimeout: Duration = .seconds(5)
    /// The time allowed for TCP and TLS setup, within `requestTimeout`. Default 3 s.
    public var connectTimeout: Duration = .seconds(3)
    /// Requests per second the client allows itself. Default 20 (see `RateLimiter`).
    public var qps: Double = 20
    /// Requests the client may make at once after a quiet spell. Default 40 (see `RateLimiter`).
    public var burst: Int = 40
    /// The `User-Agent` header, `pulldoctor/VERSION`. Default `pulldoctor/dev`; the server passes its
    /// build version.
    public var userAgent: String = "pulldoctor/dev"
    /// The largest response body accepted. Default 32 MiB (a page of 500 pods is a few MiB).
    public var maxResponseBytes: Int = 32 << 20
    /// Objects per page when `listAll` follows pagination. Default 500, as kubectl asks.
    public var pageSize: Int = 500
    /// Pages `listAll` fetches at most before it stops with a truncated list. Default 20.
    public var maxPages: Int = 20

    /// The defaults.
    public init() {}
}
