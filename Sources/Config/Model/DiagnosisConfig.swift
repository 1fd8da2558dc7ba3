/// How PullDoctor diagnoses alerts.
public struct DiagnosisConfig: Sendable, Equatable {
    /// Diagnose at all. Default true; false makes PullDoctor a plain receiver.
    public var enabled: Bool
    /// Per-alert bound on the investigation; past it the diagnosis goes out partial. Default 5s.
    public var deadline: Duration
    /// Investigations running at once. Default 8.
    public var maxConcurrent: Int
    /// How long one diagnosis answers further alerts of the same owner and image. Default 60s.
    public var reuseFor: Duration
    /// The registry probe. Defaults: see ``ProbeConfig``.
    public var probe: ProbeConfig
    /// Add a `namespace` label to `pulldoctor_image_pull_failures_total`. Default false (cardinality).
    public var namespaceLabel: Bool
    /// Add a `registry` label to `pulldoctor_image_pull_failures_total`. Default false (cardinality).
    public var registryLabel: Bool

    public init(enabled: Bool = true, deadline: Duration = .seconds(5), maxConcurrent: Int = 8, reuseFor: Duration = .seconds(60),
                probe: ProbeConfig = ProbeConfig(), namespaceLabel: Bool = false, registryLabel: Bool = false) {
        self.enabled = enabled
        self.deadline = deadline
        self.maxConcurrent = maxConcurrent
        self.reuseFor = reuseFor
        self.probe = probe
        self.namespaceLabel = namespaceLabel
        self.registryLabel = registryLabel
    }
}

/// The registry probe: from PullDoctor's own network position, with the pod's pull-secret credentials.
public struct ProbeConfig: Sendable, Equatable {
    /// Probe registries at all. Default true.
    public var enabled: Bool
    /// Bound on one probe. Default 10s.
    public var timeout: Duration
    /// Registries reached over plain HTTP (besides localhost and 127.0.0.0/8, always allowed). Default none.
    public var insecureRegistries: [String]
    /// Extra CA bundle (PEM) trusted for registries. Default: the system store.
    public var caFile: String
    /// Probes at once per registry. Default 4.
    public var maxConcurrentPerRegistry: Int

    public init(enabled: Bool = true, timeout: Duration = .seconds(10), insecureRegistries: [String] = [], caFile: String = "",
                maxConcurrentPerRegistry: Int = 4) {
        self.enabled = enabled
        self.timeout = timeout
        self.insecureRegistries = insecureRegistries
        self.caFile = caFile
        self.maxConcurrentPerRegistry = maxConcurrentPerRegistry
    }
}

extension DiagnosisConfig: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case enabled, deadline, probe
        case maxConcurrent = "max_concurrent"
        case reuseFor = "reuse_for"
        case namespaceLabel = "namespace_label"
        case registryLabel = "registry_label"
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = DiagnosisConfig()
        enabled = try c.decodeIfPresent(Bool.self, forKey: .enabled) ?? d.enabled
        deadline = try c.decodeDuration(forKey: .deadline) ?? d.deadline
        maxConcurrent = try c.decodeIfPresent(Int.self, forKey: .maxConcurrent) ?? d.maxConcurrent
        guard maxConcurrent >= 1 else { throw ConfigError.invalid(c.codingPath + [CodingKeys.maxConcurrent], "must be at least 1") }
        reuseFor = try c.decodeDuration(forKey: .reuseFor) ?? d.reuseFor
        probe = try c.decodeIfPresent(ProbeConfig.self, forKey: .probe) ?? d.probe
        namespaceLabel = try c.decodeIfPresent(Bool.self, forKey: .namespaceLabel) ?? d.namespaceLabel
        registryLabel = try c.decodeIfPresent(Bool.self, forKey: .registryLabel) ?? d.registryLabel
    }
}

extension ProbeConfig: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case enabled, timeout
        case insecureRegistries = "insecure_registries"
        case caFile = "ca_file"
        case maxConcurrentPerRegistry = "max_concurrent_per_registry"
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = ProbeConfig()
        enabled = try c.decodeIfPresent(Bool.self, forKey: .enabled) ?? d.enabled
        timeout = try c.decodeDuration(forKey: .timeout) ?? d.timeout
        insecureRegistries = try c.decodeIfPresent([String].self, forKey: .insecureRegistries) ?? d.insecureRegistries
        caFile = try c.decodeIfPresent(String.self, forKey: .caFile) ?? d.caFile
        maxConcurrentPerRegistry = try c.decodeIfPresent(Int.self, forKey: .maxConcurrentPerRegistry) ?? d.maxConcurrentPerRegistry
        guard maxConcurrentPerRegistry >= 1 else {
            throw ConfigError.invalid(c.codingPath + [CodingKeys.maxConcurrentPerRegistry], "must be at least 1")
        }
    }
}
