import CurlClient
import Foundation
import Testing
@testable import Notify

@Suite("Delivery classification")
struct DeliveryClassificationTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    static func response(_ status: Int, headers: [(name: String, value: String)] = [], body: String = "") -> HTTPResponse {
        HTTPResponse(status: status, headers: headers, body: Array(body.utf8), effectiveURL: "http://127.0.0.1/")
    }

    @Test("HTTP status table", arguments: [
        (200, DeliveryResult.Outcome.delivered, DeliveryFailure.Reason?.none),
        (202, .delivered, nil),
        (204, .delivered, nil),
        (301, .failed, .other),
        (400, .failed, .http4xx),
        (401, .failed, .http4xx),
        (403, .failed, .http4xx),
        (404, .failed, .http4xx),
        (408, .retry, .http4xx),
        (410, .failed, .http4xx),
        (413, .failed, .payloadTooLarge),
        (429, .retry, .http429),
        (500, .retry, .http5xx),
        (502, .retry, .http5xx),
        (503, .retry, .http5xx),
        (504, .retry, .http5xx),
    ])
    func statusTable(status: Int, outcome: DeliveryResult.Outcome, reason: DeliveryFailure.Reason?) {
        let result = ResponseClassifier.classify(Self.response(status), now: Self.now)
        #expect(result.outcome == outcome)
        #expect(result.failure?.reason == reason)
        #expect(result.httpStatus == status)
        #expect(ResponseClassifier.isRetryable(status: status) == (outcome == .retry))
    }

    @Test("Retry-After is honoured on retryable answers")
    func retryAfterOnResponse() {
        let result = ResponseClassifier.classify(Self.response(429, headers: [("retry-after", "30")], body: "rate_limited"), now: Self.now)
        guard case .retry(let after, let failure) = result else {
            Issue.record("expected retry, got \(result)")
            return
        }
        #expect(after == .seconds(30))
        #expect(failure.detail == "HTTP 429: rate_limited")
    }

    @Test("Retry-After forms", arguments: [
        ("120", Duration?.some(.seconds(120))),
        (" 0 ", .some(.zero)),
        // RFC 9110's three date forms, each 90 s after `now` (checked by `sampleInstant`).
        ("Wed, 18 Nov 2026 11:08:10 GMT", .some(.seconds(90))),
        ("Wednesday, 18-Nov-26 11:08:10 GMT", .some(.seconds(90))),
        ("Wed Nov 18 11:08:10 2026", .some(.seconds(90))),
        ("Thu, 01 Jan 2015 00:00:00 GMT", .some(.zero)),
        ("soon", nil),
        ("-5", nil),
        ("1.5", nil),
        ("", nil),
        ("99999999999999999999999", nil),
    ])
    func retryAfterForms(value: String, expected: Duration?) {
        #expect(RetryAfter.parse(value, now: Self.now) == expected)
    }

    @Test("the sample instant is what the date cases assume")
    func sampleInstant() {
        let date = Self.now.addingTimeInterval(90)
        #expect(date.formatted(Date.ISO8601FormatStyle()) == "2026-11-18T11:08:10Z")
    }

    @Test("transport error table", arguments: [
        (TransportError.Kind.dns, DeliveryResult.Outcome.retry, DeliveryFailure.Reason.dns),
        (.connectionRefused, .retry, .connection),
        (.connectionReset, .retry, .connection),
        (.proxy, .retry, .connection),
        (.connectTimeout, .retry, .timeout),
        (.timeout, .retry, .timeout),
        (.tlsUnknownAuthority, .retry, .tls),
        (.tlsNameMismatch, .retry, .tls),
        (.tlsExpired, .retry, .tls),
        (.tlsOther, .retry, .tls),
        (.httpOnHTTPS, .failed, .tls),
        (.invalidRequest, .failed, .invalid),
        (.cancelled, .retry, .other),
        (.other, .retry, .other),
    ])
    func transportTable(kind: TransportError.Kind, outcome: DeliveryResult.Outcome, reason: DeliveryFailure.Reason) {
        let result = ResponseClassifier.classify(TransportError(kind: kind, detail: "d", host: "h"))
        #expect(result.outcome == outcome)
        #expect(result.failure?.reason == reason)
        #expect(result.httpStatus == nil)
    }

    @Test("every transport error kind is classified")
    func allKindsCovered() {
        for kind in TransportError.Kind.allCases {
            #expect(ResponseClassifier.classify(TransportError(kind: kind, detail: "", host: "h")).failure != nil)
        }
    }

    @Test("a URL quoted by the transport is redacted from the detail")
    func transportDetailRedacted() {
        let url = "https://hooks.slack.com/services/T000/B000/XXXXSECRET"
        let error = TransportError(kind: .other, detail: "failed for \(url) and /services/T000/B000/XXXXSECRET", host: "hooks.slack.com")
        let text = "\(ResponseClassifier.classify(error, redacting: [url]))"
        #expect(!text.contains("XXXXSECRET"))
        #expect(text.contains("<redacted>"))
    }

    @Test("metric label values are bounded and unique")
    func metricLabels() {
        #expect(DeliveryResult.Outcome.allCases.map(\.rawValue) == ["delivered", "retry", "failed"])
        let reasons = DeliveryFailure.Reason.allCases.map(\.rawValue)
        #expect(Set(reasons).count == reasons.count)
        #expect(Set(reasons).isSuperset(of: ["http_4xx", "http_5xx", "http_429", "timeout", "connection", "tls", "dns", "payload_too_large", "other"]))
    }

    @Test("a refused connection is a retry with reason connection, over the real client")
    func refusedConnection() async {
        let client = CurlClient()
        defer { client.shutdown() }
        let endpoint = SinkEndpoint(url: Secret("http://127.0.0.1:\(CaptureServer.closedPort())/hook"), timeout: .seconds(2))
        let result = await endpoint.postJSON(Array("{}".utf8), via: client)
        #expect(result.outcome == .retry)
        #expect(result.failure?.reason == .connection)
    }

    @Test("a sink that never answers is a retry with reason timeout, within the deadline")
    func hangingSink() async throws {
        let server = try CaptureServer(replies: [CaptureServer.Reply(status: 200, hang: .seconds(20))])
        defer { server.stop() }
        let client = CurlClient()
        defer { client.shutdown() }
        let endpoint = SinkEndpoint(url: Secret(server.url + "/hook"), timeout: .milliseconds(500))
        let start = ContinuousClock.now
        let result = await endpoint.postJSON(Array("{}".utf8), via: client)
        // Well under the server's 20 s hang: the 500 ms deadline ended it (with room for a loaded machine).
        #expect(ContinuousClock.now - start < .seconds(8))
        #expect(result.outcome == .retry)
        #expect(result.failure?.reason == .timeout)
    }

    @Test("a header value with a line break is refused before sending")
    func headerInjection() async throws {
        let server = try CaptureServer()
        defer { server.stop() }
        let client = CurlClient()
        defer { client.shutdown() }
        let endpoint = SinkEndpoint(url: Secret(server.url))
        let result = await endpoint.postJSON([], extraHeaders: [("Idempotency-Key", "a\r\nX-Evil: 1")], via: client)
        #expect(result.outcome == .failed)
        #expect(result.failure?.reason == .invalid)
        #expect(server.requests.isEmpty)
    }
}
