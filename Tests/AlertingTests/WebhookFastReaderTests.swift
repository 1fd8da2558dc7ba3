import Foundation
import Testing
@testable import Alerting

/// The fast reader answers only where it agrees with `JSONDecoder`, and it does answer for what
/// Alertmanager sends.
@Suite("The webhook's fast reader")
struct WebhookFastReaderTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/webhook")

    static func slow(_ text: String) -> WebhookPayload? {
        try? WebhookDecoder(fastPath: false).decode(Array(text.utf8))
    }

    @Test("Alertmanager's recorded payloads take the fast path and decode as JSONDecoder decodes them", arguments: [
        "alertmanager-firing.json", "alertmanager-resolved.json",
    ])
    func recorded(name: String) throws {
        let text = try String(contentsOf: Self.fixtures.appendingPathComponent(name), encoding: .utf8)
        let fast = try #require(WebhookFastReader.read(Array(text.utf8)), "the fast path answered")
        #expect(fast == Self.slow(text))
        #expect(!fast.alerts.isEmpty)
    }

    static let base = #"{"version":"4","status":"firing","receiver":"r","groupKey":"g","truncatedAlerts":0,"groupLabels":{},"commonLabels":{},"commonAnnotations":{},"externalURL":"http://am","alerts":[ALERT]}"#
    static let alert = #"{"status":"firing","labels":{"alertname":"A","pod":"p"},"annotations":{"summary":"s"},"startsAt":"2026-11-21T19:35:30.308Z","endsAt":"0001-01-01T00:00:00Z","generatorURL":"http://prom","fingerprint":"f1"}"#

    static func body(_ alert: String = alert, _ edit: (String) -> String = { $0 }) -> String {
        edit(base.replacingOccurrences(of: "ALERT", with: alert))
    }

    @Test("variants the fast path takes decode exactly as JSONDecoder decodes them", arguments: [
        body(),
        body { $0.replacingOccurrences(of: #""receiver":"r""#, with: #""receiver":null"#) },
        body { $0.replacingOccurrences(of: #""groupLabels":{}"#, with: #""extra":{"a":[1,2,{"b":null}],"c":true},"groupLabels":null"#) },
        body(alert.replacingOccurrences(of: #""summary":"s""#, with: #""summary":"a \"quoted\" \\ line\nnext\ttab \u00e9 \u4e2d \/""#)),
        body(alert.replacingOccurrences(of: #""fingerprint":"f1""#, with: #""fingerprint":"""#)),
        body(alert.replacingOccurrences(of: #""endsAt":"0001-01-01T00:00:00Z""#, with: #""endsAt":"2026-11-21T20:00:00Z""#)),
        body(alert.replacingOccurrences(of: #""startsAt":"2026-11-21T19:35:30.308Z""#, with: #""startsAt":"2026-11-21T19:35:30+02:00""#)),
        body(alert + "," + alert.replacingOccurrences(of: "f1", with: "f2")),
        " \n" + body() + " \t\r\n",
        body { $0.replacingOccurrences(of: #""truncatedAlerts":0"#, with: #""truncatedAlerts":12"#) },
        body("").replacingOccurrences(of: "[]", with: "[ ]"),
        "{\"labels\":1}",
    ])
    func agrees(text: String) {
        if let fast = WebhookFastReader.read(Array(text.utf8)) {
            #expect(fast == Self.slow(text))
        }
        #expect((try? WebhookDecoder().decode(Array(text.utf8))) == Self.slow(text), "the decoder's answer does not depend on the path")
    }

    @Test("it gives way to JSONDecoder (and so to its field-path errors) on what it does not fully understand", arguments: [
        body { $0.replacingOccurrences(of: #""version":"4""#, with: #""version":"3""#) },
        body { $0.replacingOccurrences(of: #""truncatedAlerts":0"#, with: #""truncatedAlerts":1.0"#) },
        body { $0.replacingOccurrences(of: #""truncatedAlerts":0"#, with: #""truncatedAlerts":-1"#) },
        body { $0.replacingOccurrences(of: #""truncatedAlerts":0"#, with: #""truncatedAlerts":01"#) },
        body { $0.replacingOccurrences(of: #""receiver":"r""#, with: #""receiver":"r","receiver":"s""#) },
        body { $0.replacingOccurrences(of: #""receiver":"r""#, with: #""receiver":"\ud83d\ude00""#) },
        body { $0.replacingOccurrences(of: #""groupLabels":{}"#, with: #""extra":5,"groupLabels":{}"#) },
        body(alert.replacingOccurrences(of: #""labels":{"alertname":"A","pod":"p"}"#, with: #""labels":{}"#)),
        body(alert.replacingOccurrences(of: #""labels":{"alertname":"A","pod":"p"}"#, with: #""labels":{"a":"1","a":"2"}"#)),
        body(alert.replacingOccurrences(of: #""startsAt":"2026-11-21T19:35:30.308Z""#, with: #""startsAt":"yesterday""#)),
        body(alert.replacingOccurrences(of: #""status":"firing""#, with: #""status":"pending""#)),
        body(alert.replacingOccurrences(of: #""pod":"p""#, with: #""pod":null"#)),
        body() + "x",
        "\u{FEFF}" + body(),
        String(body().dropLast()),
        body { $0.replacingOccurrences(of: #""receiver":"r""#, with: "\"receiver\":\"a\u{01}b\"") },
    ])
    func givesWay(text: String) {
        #expect(WebhookFastReader.read(Array(text.utf8)) == nil)
    }

    @Test("deep nesting in an unknown field gives way instead of recursing without bound")
    func deepNesting() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let text = Self.body { $0.replacingOccurrences(of: #""groupLabels":{}"#, with: #""deep":\#(deep),"groupLabels":{}"#) }
        #expect(WebhookFastReader.read(Array(text.utf8)) == nil)
    }
}
