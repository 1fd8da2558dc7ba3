import CurlClient

/// Settings of a ``RegistryProbe``, shared by all its probes. Every default is written here.
public struct ProbeOptions: Sendable {
    /// Total time one probe may take, slot wait and every request included. Default 10 s.
    public var timeout: Duration
    /// Time allowed to connect (TCP and TLS) in each request. Default 3 s.
    public var connectTimeout: Duration
    /// How long a successful result is reused. Default 60 s.
    public var successTTL: Duration
    /// How long any other result is reused: shorter, so a fixed problem is seen soon. Default 15 s.
    public var failureTTL: Duration
    /// Most results kept; the oldest go first. Default 4096.
    public var maxCacheEntries: Int
    /// Most probes running at once against one registry host, so an alert storm never hammers a
    /// registry. Further probes wait for a slot within their time budget. Default 4.
    public var maxConcurrentPerRegistry: Int
    /// Registries (`host` or `host:port`) that may be reached over plain HTTP, or HTTPS without
    /// certificate checks, like Docker's `insecure-registries`. Default none.
    public var insecureRegistries: Set<String>
    /// TLS settings (CA, client certificate) for every host without an entry in ``tlsByHost``.
    /// Default: the system trust store.
    public var tls: TLSOptions
    /// TLS settings per host (`host` or `host:port`, as in containerd's `hosts.toml` per-host CA).
    public var tlsByHost: [String: TLSOptions]
    /// Proxy selection. Default: the environment (`HTTPS_PROXY`, `NO_PROXY`), as the runtimes read it.
    public var proxy: ProxyOptions
    /// Fetch an image index's body to list its platforms even when no platform is wanted. On Docker
    /// Hub a manifest `GET` counts as a pull (a `HEAD` does not), so turn this off to spend nothing of
    /// the quota on indexes when no platform is asked for. Default true.
    public var listIndexPlatforms: Bool
    /// With a wanted platform and a single image manifest, fetch the config blob to read its platform.
    /// Default true.
    public var inspectImageConfig: Bool
    /// On a missing tag or digest, read the repository's tag list to tell a missing repository from
    /// a missing tag and to show some tags that do exist. Default true.
    public var listTagsOnMiss: Bool

    /// Options with the defaults above; any of them can be set here.
    public init(
        timeout: Duration = .seconds(10),
        connectTimeout: Duration = .seconds(3),
        successTTL: Duration = .seconds(60),
        failureTTL: Duration = .seconds(15),
        maxCacheEntries: Int = 4096,
        maxConcurrentPerRegistry: Int = 4,
        insecureRegistries: Set<String> = [],
        tls: TLSOptions = TLSOptions(),
        tlsByHost: [String: TLSOptions] = [:],
        proxy: ProxyOptions = .environment,
        listIndexPlatforms: Bool = true,
        inspectImageConfig: Bool = true,
        listTagsOnMiss: Bool = true
    ) {
        self.timeout = timeout
        self.connectTimeout = connectTimeout
        self.successTTL = successTTL
        self.failureTTL = failureTTL
        self.maxCacheEntries = max(1, maxCacheEntries)
        self.maxConcurrentPerRegistry = max(1, maxConcurrentPerRegistry)
        self.insecureRegistries = insecureRegistries
        self.tls = tls
        self.tlsByHost = tlsByHost
        self.proxy = proxy
        self.listIndexPlatforms = listIndexPlatforms
        self.inspectImageConfig = inspectImageConfig
        self.listTagsOnMiss = listTagsOnMiss
    }

    /// The TLS settings for `host` (`host:port` first, then the bare host), falling back to ``tls``.
    func tls(for hostAndPort: String) -> TLSOptions {
        if let exact = tlsByHost[hostAndPort] { return exact }
        let bare = RegistryHost(hostAndPort).hostname
        return tlsByHost[bare] ?? tls
    }
}
