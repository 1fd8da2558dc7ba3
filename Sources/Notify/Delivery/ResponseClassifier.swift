import CurlClient
import Foundation

/// The one table every sink shares: which answers and which transport errors are worth another attempt.
///
/// As Alertmanager's notifiers do: 2xx is delivered; 5xx, 429 and 408 are temporary; every other status
/// is permanent (a 4xx will not change by resending the same body, and a 3xx means the URL is wrong, since
/// sinks do not follow redirects). Transport errors are temporary, except those that come from the
/// configuration itself (an invalid URL, HTTPS spoken to a plain-HTTP port).
public enum ResponseClassifier {
    /// Longest piece of a response body kept in a failure's detail.
    static let maxBodyExcerpt = 200

    /// Classifies an HTTP answer. `now` dates an HTTP-date `Retry-After`.
    public static func classify(_ response: HTTPResponse, now: Date = Date()) -> DeliveryResult {
        let status = response.status
        if (200..<300).contains(status) { return .delivered(status: status) }
        let detail = "HTTP \(status)" + excerpt(response.body)
        let failure: DeliveryFailure
        switch status {
        case 429:
            failure = DeliveryFailure(reason: .http429, httpStatus: status, detail: detail)
        case 413:
            return .failed(DeliveryFailure(reason: .payloadTooLarge, httpStatus: status, detail: detail))
        case 408, 500..<600:
            failure = DeliveryFailure(reason: status == 408 ? .http4xx : .http5xx, httpStatus: status, detail: detail)
        case 400..<500:
            return .failed(DeliveryFailure(reason: .http4xx, httpStatus: status, detail: detail))
        default:
            return .failed(DeliveryFailure(
                reason: .other, httpStatus: status, detail: detail + " (sinks do not follow redirects: check the URL)"))
        }
        let after = response.header("Retry-After").flatMap { RetryAfter.parse($0, now: now) }
        return .retry(after: after, failure)
    }

    /// Whether an HTTP status is worth another attempt (the table above, for callers without a response).
    public static func isRetryable(status: Int) -> Bool {
        status == 408 || status == 429 || (500..<600).contains(status)
    }

    /// Classifies a request that got no HTTP answer. `redacting` lists texts (the sink URL) that must not
    /// reach the detail even if the transport quoted them.
    public static func classify(_ error: TransportError, redacting secrets: [String] = []) -> DeliveryResult {
        let detail = Redactor.scrub("\(error.kind.rawValue): \(error.detail)", removing: secrets)
        switch error.kind {
        case .dns:
            return .retry(after: nil, DeliveryFailure(reason: .dns, detail: detail))
        case .connectionRefused, .connectionReset, .proxy:
            return .retry(after: nil, DeliveryFailure(reason: .connection, detail: detail))
        case .connectTimeout, .timeout:
            return .retry(after: nil, DeliveryFailure(reason: .timeout, detail: detail))
        case .tlsUnknownAuthority, .tlsNameMismatch, .tlsExpired, .tlsOther:
            // Certificates get fixed or rotated without PullDoctor changing: worth retrying.
            return .retry(after: nil, DeliveryFailure(reason: .tls, detail: detail))
        case .httpOnHTTPS:
            // The URL says https but the port speaks plain HTTP: only a config change helps.
            return .failed(DeliveryFailure(reason: .tls, detail: detail))
        case .invalidRequest:
            return .failed(DeliveryFailure(reason: .invalid, detail: detail))
        case .responseTooLarge, .cancelled, .other:
            return .retry(after: nil, DeliveryFailure(reason: .other, detail: detail))
        }
    }

    /// `: <start of the body>` on one line, or nothing for an empty body.
    static func excerpt(_ body: [UInt8]) -> String {
        guard !body.isEmpty else { return "" }
        var text = String(decoding: body.prefix(maxBodyExcerpt * 4), as: UTF8.self)
        text = text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        text = text.trimmingCharacters(in: .whitespaces)
        if text.count > maxBodyExcerpt { text = String(text.prefix(maxBodyExcerpt)) + "…" }
        return text.isEmpty ? "" : ": " + text
    }
}

/// Removes secrets from text meant for people.
enum Redactor {
    /// Replaces every occurrence of each secret (and of a URL's path and query, which hold the credential
    /// of Slack and Teams webhooks) with `<redacted>`.
    static func scrub(_ text: String, removing secrets: [String]) -> String {
        var out = text
        var needles: [String] = []
        for secret in secrets where !secret.isEmpty {
            needles.append(secret)
            if let components = URLComponents(string: secret) {
                let rest = components.percentEncodedPath + (components.percentEncodedQuery.map { "?" + $0 } ?? "")
                if rest.count > 1 { needles.append(rest) }
            }
        }
        // Longest first, so a URL is replaced whole before its path would be.
        for needle in needles.sorted(by: { $0.count > $1.count }) {
            out = out.replacingOccurrences(of: needle, with: "<redacted>")
        }
        return out
    }
}
