/// Why a request produced no HTTP response. The kind is bounded (safe as a metric label);
/// `detail` keeps curl's own text for people.
public struct TransportError: Error, Sendable, CustomStringConvertible {
    /// The bounded cause.
    public enum Kind: String, Sendable, CaseIterable {
        /// The host name did not resolve.
        case dns
        /// The peer answered the TCP connect with a reset: nothing listens there.
        case connectionRefused = "connection_refused"
        /// The connection (TCP or TLS handshake) did not complete in time.
        case connectTimeout = "connect_timeout"
        /// The whole request did not complete in time.
        case timeout
        /// The server's certificate is signed by an authority we do not trust.
        case tlsUnknownAuthority = "tls_unknown_authority"
        /// The server's certificate does not name the host we asked for.
        case tlsNameMismatch = "tls_name_mismatch"
        /// The server's certificate has expired (or is not yet valid).
        case tlsExpired = "tls_expired"
        /// Any other TLS failure (handshake, protocol version, client certificate).
        case tlsOther = "tls_other"
        /// HTTPS was spoken to a server that answers plain HTTP.
        case httpOnHTTPS = "http_on_https"
        /// The proxy could not be reached or refused the tunnel.
        case proxy
        /// The connection dropped, or the peer sent something that is not HTTP.
        case connectionReset = "connection_reset"
        /// The response body exceeded the request's limit.
        case responseTooLarge = "response_too_large"
        /// The URL or a request option was invalid.
        case invalidRequest = "invalid_request"
        /// The request was cancelled by its caller.
        case cancelled
        /// Anything else curl reported.
        case other
    }

    /// The bounded cause.
    public let kind: Kind
    /// curl's own message (and the CURLcode), for people; never used as a label.
    public let detail: String
    /// The host the request was for.
    public let host: String

    public init(kind: Kind, detail: String, host: String) {
        self.kind = kind
        self.detail = detail
        self.host = host
    }

    public var description: String { "\(kind.rawValue) (\(host)): \(detail)" }
}
