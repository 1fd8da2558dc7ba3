/// What one delivery attempt came to. The delivery worker decides what happens next from it: mark the
/// outbox row done, schedule another attempt (honouring `after` when the sink said when), or dead-letter it.
public enum DeliveryResult: Sendable, Equatable, CustomStringConvertible {
    /// The sink accepted the notification (any 2xx); `status` is the HTTP status it answered.
    case delivered(status: Int)
    /// A temporary failure: try again, no earlier than `after` when the sink said so (`Retry-After`).
    case retry(after: Duration?, DeliveryFailure)
    /// A permanent failure: the same request will fail the same way (bad URL, 4xx, payload too large).
    case failed(DeliveryFailure)

    /// The bounded `result` label of `pulldoctor_notifications_total{sink,result}`.
    public enum Outcome: String, Sendable, CaseIterable {
        case delivered
        case retry
        case failed
    }

    /// This result's `result` label.
    public var outcome: Outcome {
        switch self {
        case .delivered: .delivered
        case .retry: .retry
        case .failed: .failed
        }
    }

    /// The failure, for `retry` and `failed`.
    public var failure: DeliveryFailure? {
        switch self {
        case .delivered: nil
        case .retry(_, let failure), .failed(let failure): failure
        }
    }

    /// The HTTP status the sink answered, when it answered at all.
    public var httpStatus: Int? {
        switch self {
        case .delivered(let status): status
        case .retry(_, let failure), .failed(let failure): failure.httpStatus
        }
    }

    /// The same result with `secrets` removed from the failure's detail.
    func redacting(_ secrets: [String]) -> DeliveryResult {
        switch self {
        case .delivered: return self
        case .retry(let after, var failure):
            failure.detail = Redactor.scrub(failure.detail, removing: secrets)
            return .retry(after: after, failure)
        case .failed(var failure):
            failure.detail = Redactor.scrub(failure.detail, removing: secrets)
            return .failed(failure)
        }
    }

    public var description: String {
        switch self {
        case .delivered(let status):
            "delivered (HTTP \(status))"
        case .retry(let after, let failure):
            if let after { "retry after \(after.components.seconds)s: \(failure)" } else { "retry: \(failure)" }
        case .failed(let failure):
            "failed: \(failure)"
        }
    }
}

/// Why a delivery attempt did not succeed: a bounded reason for metrics and logs, the HTTP status when
/// there was one, and a short detail for people. The detail never holds the sink URL or a credential.
public struct DeliveryFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// Bounded causes, safe as metric label values; every value is in `allCases` so series can be
    /// created at zero on start-up.
    public enum Reason: String, Sendable, CaseIterable {
        /// The sink answered 4xx other than 408, 413 and 429 (permanent), or 408 (retried).
        case http4xx = "http_4xx"
        /// The sink answered 5xx (retried).
        case http5xx = "http_5xx"
        /// The sink is rate limiting (retried, honouring `Retry-After`).
        case http429 = "http_429"
        /// The connection or the whole request did not complete in time.
        case timeout
        /// The connection was refused, reset or failed through a proxy.
        case connection
        /// TLS failed: certificate not trusted, wrong name, expired, or HTTPS spoken to plain HTTP.
        case tls
        /// The sink's host name did not resolve.
        case dns
        /// The sink rejected the body as too large (413).
        case payloadTooLarge = "payload_too_large"
        /// The notification could not be built or sent as configured (invalid URL, encoding failure).
        case invalid
        /// Anything else (an unexpected status such as 3xx, a cancelled request).
        case other
    }

    /// The bounded cause.
    public var reason: Reason
    /// The HTTP status, when the sink answered.
    public var httpStatus: Int?
    /// For people: a short, redacted account (a status and the start of the body, or the transport error).
    public var detail: String

    public init(reason: Reason, httpStatus: Int? = nil, detail: String) {
        self.reason = reason
        self.httpStatus = httpStatus
        self.detail = detail
    }

    public var description: String {
        if let httpStatus { "\(reason.rawValue) (HTTP \(httpStatus)): \(detail)" } else { "\(reason.rawValue): \(detail)" }
    }
}
