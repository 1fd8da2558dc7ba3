import Alerting
import Foundation
import Testing

@Suite("Webhook payload decoding")
struct WebhookDecoderTests {
    let decoder = WebhookDecoder()

    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/webhook")

    /// Payloads a real Alertmanager (Debian's 0.25) sent to the rig, captured by `scripts/rig.sh --capture`.
    @Test("decodes payloads captured from a real Alertmanager", arguments: ["alertmanager-firing.json", "alertmanager-resolved.json"])
    func capturedPayloads(file: String) throws {
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent(file))
        let payload = try decoder.decode(Array(data))
        #expect(payload.version == "4")
        #expect(!payload.alerts.isEmpty)
        #expect(payload.receiver == "pulldoctor")
        for alert in payload.alerts {
            #expect(alert.labels["alertname"] != nil)
            #expect(alert.fingerprint.count == 16)
            #expect(alert.startsAt.timeIntervalSince1970 > 1_600_000_000)
            if alert.status == .firing {
                #expect(alert.endsAt == nil, "Go's zero time means not ended")
            } else {
                #expect(alert.endsAt != nil)
            }
        }
    }

    @Test("accepts fractional seconds, offsets, and Go's zero endsAt")
    func timestamps() throws {
        let body = Self.payload(alert: #"{"status":"firing","labels":{"alertname":"A"},"startsAt":"2026-11-21T19:35:30.308Z","endsAt":"0001-01-01T00:00:00Z","fingerprint":"0123456789abcdef"}"#)
        let payload = try decoder.decode(Array(body.utf8))
        let alert = try #require(payload.alerts.first)
        #expect(alert.endsAt == nil)
        #expect(abs(alert.startsAt.timeIntervalSince1970 - 1_795_289_730.308) < 0.001)

        let offset = Self.payload(alert: #"{"status":"resolved","labels":{"a":"b"},"startsAt":"2026-11-21T20:35:30+01:00","endsAt":"2026-11-21T19:40:00Z"}"#)
        let second = try #require(try decoder.decode(Array(offset.utf8)).alerts.first)
        #expect(abs(second.startsAt.timeIntervalSince1970 - 1_795_289_730) < 0.001)
        #expect(second.endsAt != nil)
        #expect(second.fingerprint.count == 16, "a missing fingerprint is computed from the labels")
    }

    struct BadCase: Sendable, CustomTestStringConvertible {
        let body: String
        let field: String
        let reason: WebhookDecodingError.Reason
        var testDescription: String { "\(reason.rawValue) at \(field.isEmpty ? "(body)" : field)" }
    }

    static let good = #"{"status":"firing","labels":{"alertname":"A"},"startsAt":"2026-11-21T19:35:30Z","fingerprint":"0123456789abcdef"}"#

    static func payload(alert: String, alerts: String? = nil) -> String {
        #"{"version":"4","status":"firing","receiver":"r","groupKey":"{}:{}","groupLabels":{},"commonLabels":{},"commonAnnotations":{},"externalURL":"http://am","truncatedAlerts":0,"alerts":"# + (alerts ?? "[\(alert)]") + "}"
    }

    static let badCases: [BadCase] = [
        BadCase(body: "not json", field: "", reason: .malformedJSON),
        BadCase(body: "", field: "", reason: .malformedJSON),
        BadCase(body: "[]", field: "", reason: .wrongType),
        BadCase(body: #"{"status":"firing","alerts":[]}"#, field: "version", reason: .missingField),
        BadCase(body: payload(alert: good).replacingOccurrences(of: #""version":"4""#, with: #""version":"3""#), field: "version", reason: .invalidValue),
        BadCase(body: payload(alert: good).replacingOccurrences(of: #""status":"firing","receiver""#, with: #""status":"burning","receiver""#), field: "status", reason: .invalidValue),
        BadCase(body: payload(alert: good, alerts: "{}"), field: "alerts", reason: .wrongType),
        BadCase(body: #"{"version":"4","status":"firing"}"#, field: "alerts", reason: .missingField),
        BadCase(body: payload(alert: "", alerts: "[\(good),\(good),\(good.replacingOccurrences(of: "2026-11-21T19:35:30Z", with: "yesterday"))]"), field: "alerts[2].startsAt", reason: .invalidValue),
        BadCase(body: payload(alert: good.replacingOccurrences(of: #","startsAt":"2026-11-21T19:35:30Z""#, with: "")), field: "alerts[0].startsAt", reason: .missingField),
        BadCase(body: payload(alert: good.replacingOccurrences(of: #""labels":{"alertname":"A"}"#, with: #""labels":{"alertname":"A","pod":7}"#)), field: "alerts[0].labels.pod", reason: .wrongType),
        BadCase(body: payload(alert: good.replacingOccurrences(of: #""labels":{"alertname":"A"}"#, with: #""labels":{}"#)), field: "alerts[0].labels", reason: .invalidValue),
        BadCase(body: payload(alert: good.replacingOccurrences(of: #""labels":{"alertname":"A"},"#, with: "")), field: "alerts[0].labels", reason: .missingField),
        BadCase(body: payload(alert: good.replacingOccurrences(of: #""status":"firing""#, with: #""status":null"#)), field: "alerts[0].status", reason: .missingField),
        BadCase(body: payload(alert: good).replacingOccurrences(of: #""truncatedAlerts":0"#, with: #""truncatedAlerts":"many""#), field: "truncatedAlerts", reason: .wrongType),
        BadCase(body: payload(alert: good.replacingOccurrences(of: "}", with: #","endsAt":"soon"}"#)), field: "alerts[0].endsAt", reason: .invalidValue),
        BadCase(body: payload(alert: good).replacingOccurrences(of: #""commonLabels":{}"#, with: #""commonLabels":[1]"#), field: "commonLabels", reason: .wrongType),
    ]

    @Test("rejects bad payloads naming the field", arguments: badCases)
    func badPayloads(_ bad: BadCase) {
        #expect {
            _ = try decoder.decode(Array(bad.body.utf8))
        } throws: { error in
            guard let error = error as? WebhookDecodingError else { return false }
            return error.field == bad.field && error.reason == bad.reason && !error.problem.isEmpty
        }
    }

    @Test("never crashes on truncated or corrupted captured payloads")
    func corruptedInputs() throws {
        let data = Array(try Data(contentsOf: Self.fixtures.appendingPathComponent("alertmanager-firing.json")))
        var generator = SplitMix64(seed: 42)
        var rejected = 0
        for _ in 0..<2_000 {
            var bytes = Array(data.prefix(Int(generator.next() % UInt64(data.count + 1))))
            if !bytes.isEmpty, generator.next() % 2 == 0 {
                bytes[Int(generator.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: generator.next())
            }
            if (try? decoder.decode(bytes)) == nil { rejected += 1 }
        }
        #expect(rejected > 1_000, "most truncations must be rejected, not accepted")
    }
}

/// A small deterministic generator, so failures reproduce.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
