import Foundation

/// A kubeconfig user's `exec:` block: the credential plugin to run (`aws eks get-token`,
/// `gke-gcloud-auth-plugin`, `kubelogin get-token`).
public struct ExecPluginConfig: Sendable, Hashable {
    /// The ExecCredential version the plugin speaks: `client.authentication.k8s.io/v1` or `/v1beta1`.
    public var apiVersion: String
    /// The command: a name looked up in `PATH`, or a path (made absolute against the kubeconfig's folder).
    public var command: String
    /// Arguments.
    public var args: [String]
    /// Extra environment variables, added to the process's own.
    public var env: [EnvVar]
    /// Shown when the command is missing (`Install gke-gcloud-auth-plugin for use with kubectl by ...`).
    public var installHint: String?
    /// Whether the plugin is sent the cluster's server and CA in `KUBERNETES_EXEC_INFO`.
    public var provideClusterInfo: Bool
    /// `Never`, `IfAvailable` or `Always`; PullDoctor never has a terminal, so `Always` cannot work.
    public var interactiveMode: String?
    /// The cluster, sent to the plugin when `provideClusterInfo` is set (filled when a context is resolved).
    public var cluster: ClusterInfo?

    /// One `env` entry.
    public struct EnvVar: Sendable, Hashable {
        /// The variable's name.
        public var name: String
        /// Its value.
        public var value: String

        /// An entry.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The cluster as `ExecCredential.spec.cluster` describes it.
    public struct ClusterInfo: Sendable, Hashable {
        /// The server URL.
        public var server: String
        /// CA certificates (PEM).
        public var certificateAuthorityData: String?
        /// Whether verification is skipped.
        public var insecureSkipTLSVerify: Bool
        /// The TLS server name.
        public var tlsServerName: String?
        /// The proxy URL.
        public var proxyURL: String?
    }

    /// A plugin configuration.
    public init(
        apiVersion: String = ExecPluginConfig.v1, command: String, args: [String] = [], env: [EnvVar] = [],
        installHint: String? = nil, provideClusterInfo: Bool = false, interactiveMode: String? = nil
    ) {
        self.apiVersion = apiVersion
        self.command = command
        self.args = args
        self.env = env
        self.installHint = installHint
        self.provideClusterInfo = provideClusterInfo
        self.interactiveMode = interactiveMode
    }

    init(raw: RawKubeConfig.RawExec) {
        self.init(
            apiVersion: raw.apiVersion ?? "", command: raw.command ?? "", args: raw.args ?? [],
            env: (raw.env ?? []).compactMap { entry in entry.name.map { EnvVar(name: $0, value: entry.value ?? "") } },
            installHint: raw.installHint, provideClusterInfo: raw.provideClusterInfo ?? false,
            interactiveMode: raw.interactiveMode)
    }

    /// `client.authentication.k8s.io/v1`.
    public static let v1 = "client.authentication.k8s.io/v1"
    /// `client.authentication.k8s.io/v1beta1`.
    public static let v1beta1 = "client.authentication.k8s.io/v1beta1"

    /// The `KUBERNETES_EXEC_INFO` value: an ExecCredential with only `spec` set.
    var execInfo: String {
        var spec: [String: Any] = ["interactive": false]
        if provideClusterInfo, let cluster {
            var info: [String: Any] = ["server": cluster.server]
            if let ca = cluster.certificateAuthorityData { info["certificate-authority-data"] = Data(ca.utf8).base64EncodedString() }
            if cluster.insecureSkipTLSVerify { info["insecure-skip-tls-verify"] = true }
            if let name = cluster.tlsServerName { info["tls-server-name"] = name }
            if let proxy = cluster.proxyURL { info["proxy-url"] = proxy }
            spec["cluster"] = info
        }
        let object: [String: Any] = ["kind": "ExecCredential", "apiVersion": apiVersion, "spec": spec]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
