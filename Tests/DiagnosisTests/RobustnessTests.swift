import Foundation
import Testing
@testable import Diagnosis

/// The classifier never traps and always answers consistently: random bytes, corpus messages cut
/// and spliced at random, huge lines, empty and degenerate input.
@Suite struct RobustnessTests {
    let classifier = MessageClassifier()

    /// The invariants of any verdict, and its JSON line must decode back to the same verdict.
    func checkInvariants(_ verdict: Classification) throws {
        #expect(verdict.category == verdict.reason.category)
        #expect(!verdict.summary.isEmpty)
        #expect(!verdict.summary.contains("\n"))
        var line: [UInt8] = []
        verdict.appendJSONLine(to: &line)
        #expect(line.last == UInt8(ascii: "\n"))
        #expect(line.dropLast().contains(UInt8(ascii: "\n")) == false)
        let decoded = try JSONDecoder().decode(Classification.self, from: Data(line))
        #expect(decoded == verdict)
    }

    @Test func randomBytes() throws {
        var generator = SeededGenerator(seed: 0xD1A6)
        for _ in 0..<3000 {
            let count = Int.random(in: 0..<600, using: &generator)
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let verdict = bytes.withUnsafeBufferPointer { classifier.classify(utf8: $0) }
            try checkInvariants(verdict)
        }
    }

    @Test func splicedCorpusMessages() throws {
        var generator = SeededGenerator(seed: 42)
        let messages = MessageCorpus.entries.map { Array($0.message.utf8) }
        try #require(!messages.isEmpty)
        for _ in 0..<3000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let source = messages.randomElement(using: &generator)!
                let start = Int.random(in: 0...source.count, using: &generator)
                let end = Int.random(in: start...source.count, using: &generator)
                bytes += source[start..<end]
                if Bool.random(using: &generator) { bytes.append(UInt8.random(in: 0...255, using: &generator)) }
            }
            let verdict = bytes.withUnsafeBufferPointer { classifier.classify(utf8: $0) }
            try checkInvariants(verdict)
        }
    }

    @Test(arguments: [
        "", " ", "\n\n\t", "\"", "\"\"\"", ":", ": : :", "rpc error: code = ", "rpc error: code = X desc = ",
        "Back-off pulling image \"", "Back-off pulling image \"\"", "Failed to pull image \"", "dial tcp ", "dial tcp: lookup ",
        "read tcp ->", "https://", "http://:", "unexpected status from ", "failed with status code [", "error parsing http ",
        "docker://", "reading manifest  in ", "manifest for ", "pull access denied for ", "retry-after: 99999999999999",
        String(repeating: "rpc error: code = Unknown desc = ", count: 500),
        String(repeating: "https://", count: 2000), String(repeating: "\"", count: 5000),
        String(repeating: "image \"", count: 3000), String(repeating: "\u{200B}", count: 7000),
    ])
    func degenerateInputs(_ text: String) throws {
        try checkInvariants(classifier.classify(text))
    }

    @Test func hugeLinesAreBounded() throws {
        let corpusMessage = MessageCorpus.entries.first?.message ?? "x"
        let huge = String(repeating: corpusMessage + " ", count: 5000)
        #expect(huge.utf8.count > 500_000)
        let verdict = classifier.classify(huge)
        try checkInvariants(verdict)
        let noNewlines = String(repeating: "a", count: 2_000_000)
        try checkInvariants(classifier.classify(noNewlines))
    }

    @Test func sameInputSameVerdict() {
        for entry in MessageCorpus.entries.prefix(50) {
            #expect(classifier.classify(entry.message) == classifier.classify(entry.message))
        }
    }
}
