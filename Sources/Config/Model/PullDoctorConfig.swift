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

    public init(web: WebConfig = WebConfig(), log: LogConfig = LogConfig(), kubernetes: KubernetesConfig = KubernetesConfig(),
                diagnosis: DiagnosisConfig = DiagnosisConfig()) {
        self.web = web
        self.log = log
        self.kubernetes = kubernetes
        self.diagnosis = diagnosis
    }
}

extension PullDoctorConfig: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case web, log, kubernetes, diagnosis
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        web = try c.decodeIfPresent(WebConfig.self, forKey: .web) ?? WebConfig()
        log = try c.decodeIfPresent(LogConfig.self, forKey: .log) ?? LogConfig()
        kubernetes = try c.decodeIfPresent(KubernetesConfig.self, forKey: .kubernetes) ?? KubernetesConfig()
        diagnosis = try c.decodeIfPresent(DiagnosisConfig.self, forKey: .diagnosis) ?? DiagnosisConfig()
    }
}
