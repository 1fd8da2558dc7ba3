import CCurl
import Foundation

/// Mapping from curl's result codes (and, for TLS, the verifier's result) to bounded error kinds.
/// The diagnosis depends on these distinctions: "no such host" and "untrusted certificate" call for
/// different fixes.
extension CurlTransfer {
    func classify(code: CURLcode, curlText: String) -> TransportError {
        let text = curlText.isEmpty ? String(cString: curl_easy_strerror(code)) : curlText
        let detail = "\(text) (curl error \(code.rawValue))"
        let lower = text.lowercased()
        func error(_ kind: TransportError.Kind) -> TransportError {
            TransportError(kind: kind, detail: detail, host: host)
        }
        if isOverLimit { return error(.responseTooLarge) }
        if cancelled.load(ordering: .relaxed) && code == CURLE_ABORTED_BY_CALLBACK { return error(.cancelled) }
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST:
            return error(.dns)
        case CURLE_COULDNT_RESOLVE_PROXY:
            return error(.proxy)
        case CURLE_COULDNT_CONNECT:
            // curl 7.88 names the proxy only sometimes; a configured proxy is what was being connected to.
            return error(lower.contains("proxy") || usesProxy ? .proxy : .connectionRefused)
        case CURLE_OPERATION_TIMEDOUT:
            // curl says which phase ran out: "Connection timed out after", "Resolving timed out after" and
            // "SSL connection timeout" are the connect phase; "Operation timed out after" is the total.
            if lower.hasPrefix("operation timed out") { return error(.timeout) }
            if lower.hasPrefix("connection timed out") || lower.hasPrefix("resolving timed out")
                || lower.contains("ssl connection timeout") || lower.hasPrefix("failed to connect") {
                return error(.connectTimeout)
            }
            return error(didConnect ? .timeout : .connectTimeout)
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR:
            return error(tlsKind(lower))
        case CURLE_SSL_CONNECT_ERROR:
            // OpenSSL reports plain HTTP bytes in a TLS handshake as "wrong version number" (or
            // "packet length too long" on some builds).
            if lower.contains("wrong version number") || lower.contains("packet length too long")
                || lower.contains("http request") {
                return error(.httpOnHTTPS)
            }
            return error(tlsKind(lower))
        case CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER, CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED,
             CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CRL_BADFILE, CURLE_SSL_SHUTDOWN_FAILED,
             CURLE_USE_SSL_FAILED:
            return error(.tlsOther)
        case CURLE_PROXY:
            return error(.proxy)
        case CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_GOT_NOTHING, CURLE_WEIRD_SERVER_REPLY, CURLE_PARTIAL_FILE,
             CURLE_HTTP2, CURLE_HTTP2_STREAM:
            if lower.contains("proxy") { return error(.proxy) }
            return error(.connectionReset)
        case CURLE_WRITE_ERROR, CURLE_FILESIZE_EXCEEDED:
            return error(.responseTooLarge)
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL, CURLE_BAD_FUNCTION_ARGUMENT:
            return error(.invalidRequest)
        case CURLE_ABORTED_BY_CALLBACK:
            return error(.cancelled)
        default:
            return error(.other)
        }
    }

    /// Whether this request goes through a proxy: set explicitly, or from the environment as curl reads it.
    private var usesProxy: Bool {
        switch request.proxy {
        case .none: return false
        case .url: return true
        case .environment:
            let env = ProcessInfo.processInfo.environment
            let https = request.url.lowercased().hasPrefix("https:")
            let proxy = https ? (env["https_proxy"] ?? env["HTTPS_PROXY"]) : env["http_proxy"]
            guard let proxy, !proxy.isEmpty else { return false }
            let noProxy = (env["no_proxy"] ?? env["NO_PROXY"] ?? "").split(separator: ",").map {
                $0.trimmingCharacters(in: .whitespaces).lowercased()
            }
            let host = self.host.lowercased()
            return !noProxy.contains { $0 == "*" || host == $0 || host.hasSuffix($0.hasPrefix(".") ? $0 : "." + $0) }
        }
    }

    /// Whether the TCP connection was established before the failure.
    private var didConnect: Bool {
        var connect: Double = 0
        _ = pd_easy_getinfo_double(easy, CURLINFO_CONNECT_TIME, &connect)
        var appConnect: Double = 0
        _ = pd_easy_getinfo_double(easy, CURLINFO_APPCONNECT_TIME, &appConnect)
        let isHTTPS = request.url.lowercased().hasPrefix("https:")
        // curl counts the TLS handshake in the connect timeout: a handshake that never ends is a connect timeout.
        return isHTTPS ? appConnect > 0 : connect > 0
    }

    /// Splits certificate failures by the X.509 verifier's result, falling back to curl's text.
    private func tlsKind(_ lower: String) -> TransportError.Kind {
        var verify = 0
        _ = pd_easy_getinfo_long(easy, CURLINFO_SSL_VERIFYRESULT, &verify)
        switch verify {
        case 9, 10:  // X509_V_ERR_CERT_NOT_YET_VALID, X509_V_ERR_CERT_HAS_EXPIRED
            return .tlsExpired
        case 62:  // X509_V_ERR_HOSTNAME_MISMATCH
            return .tlsNameMismatch
        case 2, 18, 19, 20, 21:  // unable to get issuer, self-signed leaf or chain, local issuer, leaf signature
            return .tlsUnknownAuthority
        default:
            break
        }
        if lower.contains("expired") { return .tlsExpired }
        if lower.contains("subject name") || lower.contains("does not match") || lower.contains("hostname mismatch") {
            return .tlsNameMismatch
        }
        if lower.contains("self-signed") || lower.contains("self signed") || lower.contains("issuer")
            || lower.contains("unknown ca") {
            return .tlsUnknownAuthority
        }
        return .tlsOther
    }
}
