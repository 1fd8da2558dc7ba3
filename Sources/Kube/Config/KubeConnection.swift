import CurlClient

/// Everything needed to reach one API server: the outcome of reading a kubeconfig or the in-cluster files.
public struct KubeConnection: Sendable {
    /// The API server's base URL (`https://10.96.0.1:443`; may carry a path prefix behind a proxy).
    public var server: String
    /// CA, client certificate and verification settings.
    public var tls: TLSOptions
    /// The proxy (`proxy-url`), or the environment's.
    public var proxy: ProxyOptions
    /// How requests authenticate.
    public var credentials: CredentialSource
    /// The namespace used when a call names none (the context's, or the service account's).
    public var namespace: String
    /// Where the configuration came from, for logs and messages (`in-cluster`, `kubeconfig /x (context y)`).
    public var origin: String
    /// Settings that were read but cannot be honoured, one sentence each (logged at start-up).
    public var warnings: [String]

    /// A connection.
    public init(
        server: String, tls: TLSOptions = TLSOptions(), proxy: ProxyOptions = .environment,
        credentials: CredentialSource = .none, namespace: String = "default", origin: String = "explicit",
        warnings: [String] = []
    ) {
        self.server = server
        self.tls = tls
        self.proxy = proxy
        self.credentials = credentials
        self.namespace = namespace
        self.origin = origin
        self.warnings = warnings
    }
}

/// How requests authenticate. Client certificates from a kubeconfig travel in `KubeConnection.tls`.
public enum CredentialSource: Sendable, CustomStringConvertible {
    /// No credentials beyond a client certificate, if any.
    case none
    /// A fixed bearer token.
    case token(Secret)
    /// A bearer token read from a file and read again as it rotates (projected service account tokens,
    /// `tokenFile` in a kubeconfig).
    case tokenFile(path: String)
    /// HTTP basic credentials.
    case basic(username: String, password: Secret)
    /// An exec credential plugin (`aws eks get-token`, `gke-gcloud-auth-plugin`, `kubelogin`).
    case exec(ExecPluginConfig)

    /// What the source is, without any secret: for messages about rejected credentials.
    public var description: String {
        switch self {
        case .none: "no token"
        case .token: "a bearer token from the kubeconfig"
        case .tokenFile(let path): "the bearer token in \(path)"
        case .basic(let username, _): "basic auth as \(username)"
        case .exec(let plugin): "the exec credential plugin \(plugin.command)"
        }
    }
}
