import Redaction

/// The HTTP server PullDoctor runs (webhook, metrics, health, pages).
public struct WebConfig: Sendable, Equatable {
    /// The documented default port: 9095.
    public static let defaultPort = 9095

    /// `host:port` to listen on. Default `0.0.0.0:9095`. Flag `--web.listen-address` overrides.
    public var listenAddress: String
    /// Largest accepted request body in bytes; larger bodies get 413. Default 33554432 (32 MiB): room for
    /// a `max_alerts: 0` storm of about 20,000 Kubernetes alerts (about 1.5 KB each) in one notification.
    public var maxRequestBytes: Int
    /// Most bytes of webhook bodies held at once across connections; a request past it gets 503 with
    /// `Retry-After` (Alertmanager retries). A body is always taken when no other is in flight. Default
    /// 16777216 (16 MiB).
    public var maxInFlightBytes: Int
    /// The URL people use to reach PullDoctor (links in notifications). Default empty: derived from the listen address.
    public var externalURL: String
    /// Auth required on `POST /webhook` and `POST /-/reload`. Default: none.
    public var auth: WebAuthConfig?

    public init(
        listenAddress: String = "0.0.0.0:\(WebConfig.defaultPort)", maxRequestBytes: Int = 32 << 20,
        maxInFlightBytes: Int = 16 << 20, externalURL: String = "", auth: WebAuthConfig? = nil
    ) {
        self.listenAddress = listenAddress
        self.maxRequestBytes = maxRequestBytes
        self.maxInFlightBytes = maxInFlightBytes
        self.externalURL = externalURL
        self.auth = auth
    }
}

extension WebConfig: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case listenAddress = "listen_address"
        case maxRequestBytes = "max_request_bytes"
        case maxInFlightBytes = "max_in_flight_bytes"
        case externalURL = "external_url"
        case auth
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = WebConfig()
        listenAddress = try c.decodeIfPresent(String.self, forKey: .listenAddress) ?? defaults.listenAddress
        if ListenAddress(listenAddress) == nil {
            throw ConfigError.invalid(c.codingPath + [CodingKeys.listenAddress], "\"\(listenAddress)\" is not host:port")
        }
        maxRequestBytes = try c.decodeIfPresent(Int.self, forKey: .maxRequestBytes) ?? defaults.maxRequestBytes
        if maxRequestBytes < 1024 {
            throw ConfigError.invalid(c.codingPath + [CodingKeys.maxRequestBytes], "must be at least 1024")
        }
        maxInFlightBytes = try c.decodeIfPresent(Int.self, forKey: .maxInFlightBytes) ?? defaults.maxInFlightBytes
        if maxInFlightBytes < 1024 {
            throw ConfigError.invalid(c.codingPath + [CodingKeys.maxInFlightBytes], "must be at least 1024")
        }
        externalURL = try c.decodeIfPresent(String.self, forKey: .externalURL) ?? ""
        auth = try c.decodeIfPresent(WebAuthConfig.self, forKey: .auth)
    }
}

/// Credentials a caller must present. Set either a bearer token or a basic-auth pair, not both.
/// Secrets come from the file (`*_file`) or from the environment (`${VAR}`), never from logs.
public struct WebAuthConfig: Sendable, Equatable {
    /// The bearer token (`Authorization: Bearer ...`).
    public var bearerToken: Secret?
    /// The basic-auth pair.
    public var basicAuth: BasicAuth?

    /// A username and its password.
    public struct BasicAuth: Sendable, Equatable {
        public var username: String
        public var password: Secret
        public init(username: String, password: Secret) {
            self.username = username
            self.password = password
        }
    }

    public init(bearerToken: Secret? = nil, basicAuth: BasicAuth? = nil) {
        self.bearerToken = bearerToken
        self.basicAuth = basicAuth
    }
}

extension WebAuthConfig: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case bearerToken = "bearer_token"
        case bearerTokenFile = "bearer_token_file"
        case basicAuth = "basic_auth"
    }

    enum BasicKeys: String, CodingKey, CaseIterable {
        case username, password
        case passwordFile = "password_file"
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        bearerToken = try c.decodeSecret(value: .bearerToken, file: .bearerTokenFile)
        if c.contains(.basicAuth) {
            let nested = try c.superDecoder(forKey: .basicAuth)
            try nested.rejectUnknownKeys(BasicKeys.self)
            let b = try nested.container(keyedBy: BasicKeys.self)
            guard let username = try b.decodeIfPresent(String.self, forKey: .username), !username.isEmpty else {
                throw ConfigError.invalid(b.codingPath + [BasicKeys.username], "a username is required")
            }
            guard let password = try b.decodeSecret(value: .password, file: .passwordFile) else {
                throw ConfigError.invalid(b.codingPath + [BasicKeys.password], "set password or password_file")
            }
            basicAuth = BasicAuth(username: username, password: password)
        }
        if bearerToken != nil && basicAuth != nil {
            throw ConfigError.invalid(c.codingPath, "set bearer_token or basic_auth, not both")
        }
        if bearerToken == nil && basicAuth == nil {
            throw ConfigError.invalid(c.codingPath, "auth is set but holds neither bearer_token nor basic_auth")
        }
    }
}
