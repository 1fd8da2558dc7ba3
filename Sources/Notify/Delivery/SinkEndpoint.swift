import CurlClient
import Foundation

/// Where and how a sink POSTs: the URL (a credential for Slack and Teams webhooks), extra headers, auth
/// and the deadline. Shared by every notifier so they all send, time out and classify the same way.
public struct SinkEndpoint: Sendable {
    /// The URL requests go to. Kept as a ``Secret`` so it prints as `<redacted>`.
    public var url: Secret
    /// Extra headers, sent after the built-in ones; values may hold credentials and are never logged.
    public var headers: [(name: String, value: Secret)]
    /// `Authorization: Bearer ...`.
    public var bearerToken: Secret?
    /// `Authorization: Basic ...`.
    public var basicAuth: (username: String, password: Secret)?
    /// Deadline of one attempt, connection included. Default 10 s.
    public var timeout: Duration
    /// Largest response body read; sinks answer with a few bytes. Default 64 KiB.
    public var maxResponseBytes: Int
    /// TLS settings (CA, client certificate).
    public var tls: TLSOptions

    public init(
        url: Secret, headers: [(name: String, value: Secret)] = [], bearerToken: Secret? = nil,
        basicAuth: (username: String, password: Secret)? = nil, timeout: Duration = .seconds(10),
        maxResponseBytes: Int = 64 << 10, tls: TLSOptions = TLSOptions()
    ) {
        self.url = url
        self.headers = headers
        self.bearerToken = bearerToken
        self.basicAuth = basicAuth
        self.timeout = timeout
        self.maxResponseBytes = maxResponseBytes
        self.tls = tls
    }

    /// This endpoint with another URL (the Alertmanager sink appends its API path).
    func with(url: String) -> SinkEndpoint {
        var copy = self
        copy.url = Secret(url)
        return copy
    }

    /// POSTs a notification's JSON body once, with its idempotency key in the `Idempotency-Key` header.
    public func post(_ body: [UInt8], for notification: IncidentNotification, via transport: any HTTPTransport) async -> DeliveryResult {
        await postJSON(body, extraHeaders: [(idempotencyHeader, notification.idempotencyKey)], via: transport)
    }

    /// POSTs a JSON body once and classifies the outcome. Never throws and never retries.
    /// - Parameters:
    ///   - body: the encoded JSON.
    ///   - extraHeaders: headers of this one request (e.g. `Idempotency-Key`), sent before the configured ones.
    ///   - now: dates an HTTP-date `Retry-After`.
    public func postJSON(
        _ body: [UInt8], extraHeaders: [(name: String, value: String)] = [], via transport: any HTTPTransport,
        now: Date = Date()
    ) async -> DeliveryResult {
        var headerList: [(name: String, value: String)] = [
            ("Content-Type", "application/json"),
            ("User-Agent", "PullDoctor"),
        ]
        headerList += extraHeaders
        headerList += headers.map { ($0.name, $0.value.value) }
        // A line break in a header would let a value add headers of its own (request splitting).
        if let bad = headerList.first(where: { Self.hasControlCharacter($0.name) || Self.hasControlCharacter($0.value) }) {
            return .failed(DeliveryFailure(reason: .invalid, detail: "header \(bad.name.debugDescription) holds a control character"))
        }
        // The connect phase gets its own share of the deadline, but never more than the whole of it.
        let connect = min(timeout, .seconds(5))
        let request = HTTPRequest(
            method: "POST", url: url.value, headers: headerList, body: body, connectTimeout: connect,
            timeout: timeout, tls: tls, bearerToken: bearerToken, basicAuth: basicAuth, followRedirects: false,
            maxResponseBytes: maxResponseBytes)
        do {
            let response = try await transport.send(request)
            // An error body may echo the request (a proxy quoting the URL): scrub it like transport text.
            return ResponseClassifier.classify(response, now: now).redacting(secrets)
        } catch {
            return ResponseClassifier.classify(error, redacting: secrets)
        }
    }

    static func hasControlCharacter(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\t" || $0.value == 0x7F }
    }

    /// Texts that must never appear in a failure's detail.
    var secrets: [String] {
        var out = [url.value]
        out += headers.map(\.value.value)
        if let bearerToken { out.append(bearerToken.value) }
        if let basicAuth { out.append(basicAuth.password.value) }
        return out
    }
}

extension SinkEndpoint: CustomStringConvertible {
    /// Names only the host, never the URL's path or query (the credential of Slack and Teams webhooks).
    public var description: String {
        let host = URLComponents(string: url.value)?.host ?? "?"
        return "SinkEndpoint(host: \(host), headers: \(headers.map(\.name)), timeout: \(timeout))"
    }
}
