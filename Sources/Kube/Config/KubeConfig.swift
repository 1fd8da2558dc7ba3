import CurlClient
import Foundation
import Yams

/// A kubeconfig, or several merged: named clusters, users and contexts, and the current context.
///
/// Relative file paths (`certificate-authority`, `client-certificate`, `client-key`, `tokenFile`, and an
/// exec `command` containing a `/`) are made absolute against the folder of the file that set them, as
/// kubectl does, so that merging files from different folders keeps each path right. `-data` fields are
/// decoded from base64 here; unknown keys (extensions, preferences) are ignored like kubectl ignores them.
public struct KubeConfig: Sendable {
    /// Clusters by name.
    public var clusters: [String: Cluster] = [:]
    /// Users (kubectl's `AuthInfo`) by name.
    public var users: [String: User] = [:]
    /// Contexts by name.
    public var contexts: [String: Context] = [:]
    /// The context used when none is asked for.
    public var currentContext: String?
    /// The files read, in order.
    public var files: [String] = []

    /// An empty configuration.
    public init() {}

    /// `clusters[].cluster`.
    public struct Cluster: Sendable {
        /// The API server URL.
        public var server: String?
        /// A CA bundle file (absolute).
        public var certificateAuthority: String?
        /// CA certificates (PEM, decoded from `certificate-authority-data`).
        public var certificateAuthorityData: String?
        /// Skip server certificate verification.
        public var insecureSkipTLSVerify: Bool = false
        /// The name to verify the server certificate against.
        public var tlsServerName: String?
        /// A proxy for this cluster.
        public var proxyURL: String?
        /// The file that defined it.
        public var file: String
    }

    /// `users[].user`.
    public struct User: Sendable {
        /// A bearer token.
        public var token: Secret?
        /// A file holding the bearer token (absolute).
        public var tokenFile: String?
        /// The client certificate file (absolute).
        public var clientCertificate: String?
        /// The client certificate (PEM, decoded from `client-certificate-data`).
        public var clientCertificateData: String?
        /// The client key file (absolute).
        public var clientKey: String?
        /// The client key (PEM, decoded from `client-key-data`).
        public var clientKeyData: Secret?
        /// Basic auth user name.
        public var username: String?
        /// Basic auth password.
        public var password: Secret?
        /// An exec credential plugin.
        public var exec: ExecPluginConfig?
        /// The name of a legacy `auth-provider` (gcp, azure, oidc), which this client does not run.
        public var authProvider: String?
        /// The file that defined it.
        public var file: String
    }

    /// `contexts[].context`.
    public struct Context: Sendable {
        /// The cluster's name.
        public var cluster: String?
        /// The user's name.
        public var user: String?
        /// The default namespace.
        public var namespace: String?
    }

    /// Parses one kubeconfig file's text; `path` names it in errors and anchors relative paths.
    public static func parse(_ text: String, path: String) throws(KubeError) -> KubeConfig {
        var config = KubeConfig()
        config.files = [path]
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return config }
        let raw: RawKubeConfig
        do {
            raw = try YAMLDecoder().decode(RawKubeConfig.self, from: text)
        } catch {
            throw KubeError(.config, "\(path) is not a valid kubeconfig: \(error)")
        }
        let folder = (path as NSString).deletingLastPathComponent
        func resolve(_ file: String?) -> String? {
            guard let file, !file.isEmpty else { return nil }
            if file.hasPrefix("/") { return file }
            return ((folder as NSString).appendingPathComponent(file) as NSString).standardizingPath
        }
        func base64(_ text: String?, field: String, entry: String) throws(KubeError) -> String? {
            guard let text, !text.isEmpty else { return nil }
            let compact = text.filter { !$0.isWhitespace }
            guard let data = Data(base64Encoded: compact), let decoded = String(data: data, encoding: .utf8) else {
                throw KubeError(.config, "\(path): \(field) of \"\(entry)\" is not valid base64 of PEM text")
            }
            return decoded
        }
        for entry in raw.clusters ?? [] {
            guard let name = entry.name, config.clusters[name] == nil, let cluster = entry.cluster else { continue }
            config.clusters[name] = Cluster(
                server: cluster.server, certificateAuthority: resolve(cluster.certificateAuthority),
                certificateAuthorityData: try base64(cluster.certificateAuthorityData, field: "certificate-authority-data", entry: name),
                insecureSkipTLSVerify: cluster.insecureSkipTLSVerify ?? false, tlsServerName: cluster.tlsServerName,
                proxyURL: cluster.proxyURL, file: path)
        }
        for entry in raw.users ?? [] {
            guard let name = entry.name, config.users[name] == nil else { continue }
            let user = entry.user ?? RawKubeConfig.User()
            var exec = user.exec.map { ExecPluginConfig(raw: $0) }
            if let command = exec?.command, command.contains("/") {
                exec?.command = resolve(command) ?? command
            }
            config.users[name] = User(
                token: user.token.flatMap { $0.isEmpty ? nil : Secret($0) }, tokenFile: resolve(user.tokenFile),
                clientCertificate: resolve(user.clientCertificate),
                clientCertificateData: try base64(user.clientCertificateData, field: "client-certificate-data", entry: name),
                clientKey: resolve(user.clientKey),
                clientKeyData: try base64(user.clientKeyData, field: "client-key-data", entry: name).map { Secret($0) },
                username: user.username, password: user.password.map { Secret($0) }, exec: exec,
                authProvider: user.authProvider?.name, file: path)
        }
        for entry in raw.contexts ?? [] {
            guard let name = entry.name, config.contexts[name] == nil else { continue }
            let context = entry.context
            config.contexts[name] = Context(cluster: context?.cluster, user: context?.user, namespace: context?.namespace)
        }
        if let current = raw.currentContext, !current.isEmpty { config.currentContext = current }
        return config
    }

    /// Adds a later file's entries with kubectl's rules: a name already defined keeps its first
    /// definition, and `current-context` comes from the first file that sets it.
    public mutating func merge(_ later: KubeConfig) {
        clusters.merge(later.clusters) { first, _ in first }
        users.merge(later.users) { first, _ in first }
        contexts.merge(later.contexts) { first, _ in first }
        if currentContext == nil { currentContext = later.currentContext }
        files += later.files
    }
}

/// The file's shape, for YAMLDecoder. Everything optional: kubectl accepts partial files.
struct RawKubeConfig: Decodable {
    var clusters: [Named<RawCluster>]?
    var users: [NamedUser]?
    var contexts: [NamedContext]?
    var currentContext: String?

    enum CodingKeys: String, CodingKey {
        case clusters, users, contexts
        case currentContext = "current-context"
    }

    struct Named<Value: Decodable>: Decodable {
        var name: String?
        var cluster: Value?
    }

    struct NamedUser: Decodable {
        var name: String?
        var user: User?
    }

    struct NamedContext: Decodable {
        var name: String?
        var context: RawContext?
    }

    struct RawCluster: Decodable {
        var server: String?
        var certificateAuthority: String?
        var certificateAuthorityData: String?
        var insecureSkipTLSVerify: Bool?
        var tlsServerName: String?
        var proxyURL: String?

        enum CodingKeys: String, CodingKey {
            case server
            case certificateAuthority = "certificate-authority"
            case certificateAuthorityData = "certificate-authority-data"
            case insecureSkipTLSVerify = "insecure-skip-tls-verify"
            case tlsServerName = "tls-server-name"
            case proxyURL = "proxy-url"
        }
    }

    struct User: Decodable {
        var token: String?
        var tokenFile: String?
        var clientCertificate: String?
        var clientCertificateData: String?
        var clientKey: String?
        var clientKeyData: String?
        var username: String?
        var password: String?
        var exec: RawExec?
        var authProvider: AuthProvider?

        enum CodingKeys: String, CodingKey {
            case token, tokenFile, username, password, exec
            case clientCertificate = "client-certificate"
            case clientCertificateData = "client-certificate-data"
            case clientKey = "client-key"
            case clientKeyData = "client-key-data"
            case authProvider = "auth-provider"
        }

        struct AuthProvider: Decodable {
            var name: String?
        }
    }

    struct RawContext: Decodable {
        var cluster: String?
        var user: String?
        var namespace: String?
    }

    struct RawExec: Decodable {
        var apiVersion: String?
        var command: String?
        var args: [String]?
        var env: [EnvVar]?
        var installHint: String?
        var provideClusterInfo: Bool?
        var interactiveMode: String?

        struct EnvVar: Decodable {
            var name: String?
            var value: String?
        }
    }
}
