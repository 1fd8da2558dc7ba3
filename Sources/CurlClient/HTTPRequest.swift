import Foundation
@_exported import Redaction

/// One outbound HTTP request. Every field that can hang a call has an explicit bound:
/// libcurl's own defaults (300 s connect, no total limit) never apply.
public struct HTTPRequest: Sendable {
    /// HTTP method, upper case (`GET`, `HEAD`, `POST`, ...).
    public var method: String
    /// Absolute URL (`http://` or `https://`).
    public var url: String
    /// Request headers, sent in order. Names are case-insensitive on the wire.
    public var headers: [(name: String, value: String)]
    /// Request body, sent as is.
    public var body: [UInt8]?
    /// Time allowed to establish the connection (TCP and TLS). Default 5 s.
    public var connectTimeout: Duration
    /// Time allowed for the whole transfer, connection included. Default 10 s.
    public var timeout: Duration
    /// TLS settings: CA, client certificate, verification.
    public var tls: TLSOptions
    /// Bearer token sent as `Authorization: Bearer ...`. Never logged.
    public var bearerToken: Secret?
    /// Basic credentials sent as `Authorization: Basic ...`. Never logged.
    public var basicAuth: (username: String, password: Secret)?
    /// Proxy selection. Default: the environment (`HTTPS_PROXY`, `HTTP_PROXY`, `NO_PROXY`), as curl reads it.
    public var proxy: ProxyOptions
    /// Follow redirects (registries redirect blob and manifest reads). Default false.
    public var followRedirects: Bool
    /// Largest response body kept; a larger body fails the request with `.responseTooLarge`. Default 16 MiB.
    public var maxResponseBytes: Int

    public init(
        method: String = "GET",
        url: String,
        headers: [(name: String, value: String)] = [],
        body: [UInt8]? = nil,
        connectTimeout: Duration = .seconds(5),
        timeout: Duration = .seconds(10),
        tls: TLSOptions = TLSOptions(),
        bearerToken: Secret? = nil,
        basicAuth: (username: String, password: Secret)? = nil,
        proxy: ProxyOptions = .environment,
        followRedirects: Bool = false,
        maxResponseBytes: Int = 16 << 20
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.connectTimeout = connectTimeout
        self.timeout = timeout
        self.tls = tls
        self.bearerToken = bearerToken
        self.basicAuth = basicAuth
        self.proxy = proxy
        self.followRedirects = followRedirects
        self.maxResponseBytes = maxResponseBytes
    }
}

/// TLS settings of one request.
public struct TLSOptions: Sendable, Hashable {
    /// A CA bundle file (PEM) trusted in place of the system store.
    public var caFile: String?
    /// CA certificates as PEM text, trusted in place of the system store.
    public var caPEM: String?
    /// Client certificate file (PEM).
    public var clientCertFile: String?
    /// Client certificate as PEM text.
    public var clientCertPEM: String?
    /// Client key file (PEM).
    public var clientKeyFile: String?
    /// Client key as PEM text. Never logged.
    public var clientKeyPEM: Secret?
    /// Skip server certificate verification. Only when a user asks for it explicitly.
    public var insecureSkipVerify: Bool

    public init(
        caFile: String? = nil, caPEM: String? = nil,
        clientCertFile: String? = nil, clientCertPEM: String? = nil,
        clientKeyFile: String? = nil, clientKeyPEM: Secret? = nil,
        insecureSkipVerify: Bool = false
    ) {
        self.caFile = caFile
        self.caPEM = caPEM
        self.clientCertFile = clientCertFile
        self.clientCertPEM = clientCertPEM
        self.clientKeyFile = clientKeyFile
        self.clientKeyPEM = clientKeyPEM
        self.insecureSkipVerify = insecureSkipVerify
    }
}

/// How a request chooses its proxy.
public enum ProxyOptions: Sendable, Hashable {
    /// Read `HTTPS_PROXY` / `HTTP_PROXY` / `NO_PROXY` (either case) from the environment, as kubectl and containerd do.
    case environment
    /// Never use a proxy.
    case none
    /// Use this proxy URL; hosts in `noProxy` (comma-separated, curl syntax) go direct.
    case url(String, noProxy: String?)
}

