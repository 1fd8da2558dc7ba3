/// How PullDoctor reaches the Kubernetes API.
public struct KubernetesConfig: Sendable, Equatable {
    /// A kubeconfig file. Default empty: found as kubectl finds it (`$KUBECONFIG`, in-cluster, `~/.kube/config`).
    public var kubeconfig: String
    /// The kubeconfig context. Default empty: the kubeconfig's current-context.
    public var context: String
    /// Client-side rate limit, requests per second. Default 20 (client-go's 5 is too low for alert storms).
    public var qps: Double
    /// Requests allowed at once above `qps`. Default 40.
    public var burst: Int
    /// Deadline of one API request, rate-limit wait included. Default 5s.
    public var requestTimeout: Duration

    public init(kubeconfig: String = "", context: String = "", qps: Double = 20, burst: Int = 40,
                requestTimeout: Duration = .seconds(5)) {
        self.kubeconfig = kubeconfig
        self.context = context
        self.qps = qps
        self.burst = burst
        self.requestTimeout = requestTimeout
    }
}

extension KubernetesConfig: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case kubeconfig, context, qps, burst
        case requestTimeout = "request_timeout"
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = KubernetesConfig()
        kubeconfig = try c.decodeIfPresent(String.self, forKey: .kubeconfig) ?? defaults.kubeconfig
        context = try c.decodeIfPresent(String.self, forKey: .context) ?? defaults.context
        qps = try c.decodeIfPresent(Double.self, forKey: .qps) ?? defaults.qps
        guard qps > 0 else { throw ConfigError.invalid(c.codingPath + [CodingKeys.qps], "must be greater than 0") }
        burst = try c.decodeIfPresent(Int.self, forKey: .burst) ?? defaults.burst
        guard burst >= 1 else { throw ConfigError.invalid(c.codingPath + [CodingKeys.burst], "must be at least 1") }
        requestTimeout = try c.decodeDuration(forKey: .requestTimeout) ?? defaults.requestTimeout
    }
}
