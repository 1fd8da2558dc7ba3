import CurlClient
import Foundation

/// Finds the cluster configuration the way kubectl does and turns it into a `KubeConnection`.
///
/// Order: an explicit kubeconfig path; else `$KUBECONFIG` (several paths joined by `:`, merged, missing
/// files skipped); else, in a pod, the in-cluster service account; else `~/.kube/config`. `$KUBECONFIG`
/// comes before the in-cluster files because setting it inside a pod is a deliberate choice, and kubectl
/// too only falls back to in-cluster when no kubeconfig was named.
public struct KubeConfigLoader: Sendable {
    /// The environment (`KUBECONFIG`, `HOME`, `KUBERNETES_SERVICE_*`), injectable for tests.
    public var environment: [String: String]
    /// The in-cluster service account folder.
    public var serviceAccountDirectory: String

    /// A loader reading `environment`.
    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        serviceAccountDirectory: String = InClusterConfig.defaultDirectory
    ) {
        self.environment = environment
        self.serviceAccountDirectory = serviceAccountDirectory
    }

    /// Loads the configuration; `context` overrides the kubeconfig's `current-context`.
    public func load(kubeconfig explicitPath: String? = nil, context: String? = nil) throws(KubeError) -> KubeConnection {
        if let explicitPath, !explicitPath.isEmpty {
            return try loadKubeconfig(paths: [explicitPath], context: context, requireFiles: true)
        }
        if let variable = environment["KUBECONFIG"], !variable.isEmpty {
            let paths = variable.split(separator: ":").map(String.init).filter { !$0.isEmpty }
            return try loadKubeconfig(paths: paths, context: context, requireFiles: false)
        }
        let inCluster = InClusterConfig(environment: environment, directory: serviceAccountDirectory)
        if inCluster.isAvailable && context == nil {
            return try inCluster.connection()
        }
        guard let home = environment["HOME"], !home.isEmpty else {
            throw KubeError(.config, "no cluster configuration: not in a pod, KUBECONFIG is unset and HOME is unset")
        }
        return try loadKubeconfig(paths: [(home as NSString).appendingPathComponent(".kube/config")], context: context, requireFiles: true)
    }

    /// Reads and merges `paths` (first definition of a name wins), then resolves the context.
    public func loadKubeconfig(paths: [String], context: String? = nil, requireFiles: Bool = false) throws(KubeError) -> KubeConnection {
        var merged = KubeConfig()
        var read: [String] = []
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                // kubectl skips files of $KUBECONFIG that do not exist.
                if requireFiles { throw KubeError(.config, "cannot read the kubeconfig \(path): it is missing or unreadable") }
                continue
            }
            let file = try KubeConfig.parse(String(decoding: data, as: UTF8.self), path: path)
            if read.isEmpty { merged = file } else { merged.merge(file) }
            read.append(path)
        }
        guard !read.isEmpty else {
            throw KubeError(.config, "none of the kubeconfig files exist: \(paths.joined(separator: ", "))")
        }
        return try connection(from: merged, context: context)
    }

    /// Resolves `context` (or the current context) of a merged configuration.
    public func connection(from config: KubeConfig, context requested: String? = nil) throws(KubeError) -> KubeConnection {
        let files = config.files.joined(separator: ":")
        guard let contextName = requested ?? config.currentContext else {
            throw KubeError(.config, "\(files) sets no current-context; pass a context name (known: \(config.contexts.keys.sorted().joined(separator: ", ")))")
        }
        guard let context = config.contexts[contextName] else {
            throw KubeError(.config, "context \"\(contextName)\" is not defined in \(files) (known: \(config.contexts.keys.sorted().joined(separator: ", ")))")
        }
        guard let clusterName = context.cluster, let cluster = config.clusters[clusterName] else {
            throw KubeError(.config, "context \"\(contextName)\" names cluster \"\(context.cluster ?? "")\", which is not defined in \(files)")
        }
        guard let server = cluster.server, !server.isEmpty else {
            throw KubeError(.config, "cluster \"\(clusterName)\" in \(cluster.file) has no server URL")
        }
        var user = KubeConfig.User(file: cluster.file)
        if let userName = context.user, !userName.isEmpty {
            guard let found = config.users[userName] else {
                throw KubeError(.config, "context \"\(contextName)\" names user \"\(userName)\", which is not defined in \(files)")
            }
            user = found
        }
        var warnings: [String] = []
        var tls = TLSOptions(insecureSkipVerify: cluster.insecureSkipTLSVerify)
        if let data = cluster.certificateAuthorityData { tls.caPEM = data } else { tls.caFile = cluster.certificateAuthority }
        if let name = cluster.tlsServerName {
            warnings.append("tls-server-name \(name) of cluster \(clusterName) is ignored: the server certificate is verified against the host of \(server)")
        }
        if let data = user.clientCertificateData { tls.clientCertPEM = data } else { tls.clientCertFile = user.clientCertificate }
        if let data = user.clientKeyData { tls.clientKeyPEM = data } else { tls.clientKeyFile = user.clientKey }
        let hasCertificate = tls.clientCertPEM != nil || tls.clientCertFile != nil
        let hasKey = tls.clientKeyPEM != nil || tls.clientKeyFile != nil
        if hasCertificate != hasKey {
            throw KubeError(.config, "the user of context \"\(contextName)\" in \(user.file) has a client certificate without a client key, or a key without a certificate")
        }
        let credentials = try credentials(for: user, contextName: contextName, cluster: cluster, server: server)
        return KubeConnection(
            server: server, tls: tls,
            proxy: cluster.proxyURL.map { .url($0, noProxy: nil) } ?? .environment,
            credentials: credentials,
            namespace: context.namespace.flatMap { $0.isEmpty ? nil : $0 } ?? "default",
            origin: "kubeconfig \(files) (context \(contextName))",
            warnings: warnings)
    }

    private func credentials(
        for user: KubeConfig.User, contextName: String, cluster: KubeConfig.Cluster, server: String
    ) throws(KubeError) -> CredentialSource {
        // One method per request: a token (inline before file), then basic auth, then an exec plugin.
        if let token = user.token { return .token(token) }
        if let file = user.tokenFile { return .tokenFile(path: file) }
        if let username = user.username, !username.isEmpty {
            return .basic(username: username, password: user.password ?? Secret(""))
        }
        if var exec = user.exec {
            guard !exec.command.isEmpty else {
                throw KubeError(.config, "the exec credential plugin of context \"\(contextName)\" in \(user.file) has no command")
            }
            exec.cluster = ExecPluginConfig.ClusterInfo(
                // Plugins get the CA as data even when the kubeconfig names a file, as the spec only has -data.
                server: server,
                certificateAuthorityData: cluster.certificateAuthorityData ?? cluster.certificateAuthority
                    .flatMap { FileManager.default.contents(atPath: $0) }.map { String(decoding: $0, as: UTF8.self) },
                insecureSkipTLSVerify: cluster.insecureSkipTLSVerify, tlsServerName: cluster.tlsServerName,
                proxyURL: cluster.proxyURL)
            return .exec(exec)
        }
        if let provider = user.authProvider {
            throw KubeError(.config, "context \"\(contextName)\" uses the legacy auth-provider \"\(provider)\", which PullDoctor does not run: "
                + "switch the kubeconfig to an exec credential plugin (gke-gcloud-auth-plugin, kubelogin, aws eks get-token)")
        }
        return .none
    }
}
