import Foundation
import Testing
@testable import Diagnosis

/// The hand-written JSON line matches the `Codable` form and escapes what JSON requires.
@Suite struct JSONLineTests {
    let classifier = MessageClassifier()

    @Test func everyCorpusVerdictRoundTrips() throws {
        for entry in MessageCorpus.entries {
            let verdict = classifier.classify(entry.message)
            var line: [UInt8] = []
            verdict.appendJSONLine(to: &line)
            let decoded = try JSONDecoder().decode(Classification.self, from: Data(line))
            #expect(decoded == verdict)
        }
    }

    @Test func keysAreSnakeCaseAndAbsentFactsAreLeftOut() throws {
        let entry = try #require(MessageCorpus.entry(containing: "k8s.gcr.io/kube-state-metrics"))
        var line: [UInt8] = []
        classifier.classify(entry.message).appendJSONLine(to: &line)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
        #expect(Set(object.keys) == ["category", "reason", "confidence", "summary", "rule", "facts"])
        let facts = try #require(object["facts"] as? [String: Any])
        #expect(facts["remote_address"] as? String == "172.217.192.82:443")
        #expect(facts["grpc_code"] as? String == "Unknown")
        #expect(facts["retry_after_seconds"] == nil)
        #expect(object["category"] as? String == "network")
    }

    @Test func escapingOfQuotesBackslashesAndControls() throws {
        var line: [UInt8] = []
        let verdict = Classification(reason: .unrecognized, confidence: .low, summary: "a\"b\\c\u{1}d\te\u{2028}é",
                                     rule: "none", facts: MessageFacts())
        verdict.appendJSONLine(to: &line, extra: [(name: "message", value: "x\ny")])
        let text = String(decoding: line, as: UTF8.self)
        #expect(text.hasPrefix("{\"message\":\"x\\ny\",\"category\":\"unknown\""))
        #expect(text.contains("a\\\"b\\\\c\\u0001d\\te\u{2028}é"))
        let decoded = try JSONDecoder().decode(Classification.self, from: Data(line))
        #expect(decoded.summary == verdict.summary)
    }

    @Test func aCategoryThatContradictsTheReasonIsRejected() {
        let json = #"{"category":"tls","reason":"dns","confidence":"high","summary":"x"}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Classification.self, from: Data(json.utf8)) }
    }
}
