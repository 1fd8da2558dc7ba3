import Notify

/// The whole configuration file. Every field has a default, so an empty file (or none) is valid.
///
/// ```yaml
/// web:
///   listen_address: 0.0.0.0:9095
/// ```
public struct PullDoctorConfig: Sendable, Equatable {
    /// The HTTP server: address, limits, auth. Defaults: see ``WebConfig``.
    public var web: WebConfig
    /// Logging. Defaults: level `info`, format `logfmt`. Flags `--log.level` and `--log.format` override.
    public var log: LogConfig
    /// The Kubernetes API: kubeconfig, context, client rate limit. Defaults: see ``KubernetesConfig``.
    public var kubernetes: KubernetesConfig
    /// The diagnosis and the registry probe. Defaults: see ``DiagnosisConfig``.
    public var diagnosis: DiagnosisConfig
    /// The SQLite store. Defaults: see ``StoreConfig``.
    public var store: StoreConfig
    /// Retries and dead letters of notifications. Defaults: see ``DeliveryConfig``.
    public var delivery: DeliveryConfig
    /// Where enriched notifications go. Default: none (diagnoses are still stored and served).
    public var sinks: [SinkConfig]

    public init(web: WebConfig = WebConfig(), log: LogConfig = LogConfig(), kubernetes: KubernetesConfig = KubernetesConfig(),
                diagnosis: DiagnosisConfig = DiagnosisConfig(), store: StoreConfig = StoreConfig(),
                delivery: DeliveryConfig = DeliveryConfig(), sinks: [SinkConfig] = []) {
        self.web = web
        self.log = log
        self.kubernetes = kubernetes
        self.diagnosis = diagnosis
        self.store = store
        self.delivery = delivery
        self.sinks = sinks
    }
}

extension PullDoctorConfig: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case web, log, kubernetes, diagnosis, store, delivery, sinks
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        web = try c.decodeIfPresent(WebConfig.self, forKey: .web) ?? WebConfig()
        log = try c.decodeIfPresent(LogConfig.self, forKey: .log) ?? LogConfig()
        kubernetes = try c.decodeIfPresent(KubernetesConfig.self, forKey: .kubernetes) ?? KubernetesConfig()
        diagnosis = try c.decodeIfPresent(DiagnosisConfig.self, forKey: .diagnosis) ?? DiagnosisConfig()
        store = try c.decodeIfPresent(StoreConfig.self, forKey: .store) ?? StoreConfig()
        delivery = try c.decodeIfPresent(DeliveryConfig.self, forKey: .delivery) ?? DeliveryConfig()
        sinks = try c.decodeIfPresent([SinkConfig].self, forKey: .sinks) ?? []
        if let problem = SinkConfig.duplicateNamesProblem(sinks) {
            throw ConfigError.invalid(c.codingPath + [CodingKeys.sinks], problem)
        }
    }
}
