import Testing
@testable import Diagnosis

/// Normalisation: both Kubernetes message shapes (with and without the `Unknown` gRPC prefix)
/// read the same, whitespace is collapsed, the cap holds, case does not matter.
@Suite struct NormalizationTests {
    let classifier = MessageClassifier()

    /// Since 1.28 the kubelet drops `rpc error: code = Unknown desc = `. Removing it from every
    /// pre-1.28 corpus message must not change the verdict (other codes keep their prefix).
    @Test func withAndWithoutTheUnknownPrefixAgree() {
        let prefix = "rpc error: code = Unknown desc = "
        let older = MessageCorpus.entries.map(\.message).filter { $0.contains(prefix) }
        #expect(older.count > 50)
        for message in older {
            let stripped = message.split(separator: prefix, omittingEmptySubsequences: false).joined()
            let before = classifier.classify(message)
            let after = classifier.classify(stripped)
            #expect(before.reason == after.reason, "\(message)")
            #expect(before.facts.grpcCode == .unknown)
            #expect(after.facts.grpcCode == nil)
        }
    }

    @Test func prefixIsRemovedAndItsCodeKept() {
        let message = NormalizedMessage("Failed to pull image \"a/b\": rpc error: code = NotFound desc = x: not found")
        #expect(message.text == "Failed to pull image \"a/b\": x: not found")
        #expect(message.grpcCode == .notFound)
        #expect(NormalizedMessage("rpc error: code = 4 desc = context deadline exceeded").grpcCode == .deadlineExceeded)
        #expect(NormalizedMessage("rpc error: code = Bogus desc = x").grpcCode == nil)
        #expect(NormalizedMessage("rpc error: code = Unknown").text == "rpc error: code = Unknown")
    }

    @Test func whitespaceAndControlCharactersCollapse() {
        let message = NormalizedMessage("  a\t\tb\r\n c\u{0}d \u{7F} ")
        #expect(message.text == "a b c d")
        #expect(message.lower.count == message.bytes.count)
    }

    @Test func matchingIgnoresASCIICase() {
        let message = NormalizedMessage("X509: Certificate Signed By UNKNOWN Authority")
        #expect(message.contains(Phrase("x509: certificate signed by unknown authority")))
        #expect(message.hasPrefix(Phrase("x509")))
        #expect(message.hasSuffix(Phrase("AUTHORITY")))
        #expect(!message.contains(Phrase("authority x509")))
        #expect(message.firstIndex(of: Phrase("signed")) == 18)
        #expect(message.lastIndex(of: Phrase("i")) == 42)
    }

    @Test func longMessagesAreCappedOnACharacterBoundary() {
        let long = String(repeating: "é", count: NormalizedMessage.maximumLength) + " no space left on device"
        let message = NormalizedMessage(long)
        #expect(message.truncated)
        #expect(message.count <= NormalizedMessage.maximumLength)
        #expect(message.text.unicodeScalars.allSatisfy { $0 == "é" })
        #expect(classifier.classify(long).reason == .unrecognized)
    }

    @Test func invalidUTF8IsToleratedAndRepaired() {
        let bytes: [UInt8] = Array("Failed to pull image \"a\u{00e9}/b\": ".utf8) + [0xFF, 0xC3] + Array(" no such host".utf8)
        let verdict = bytes.withUnsafeBufferPointer { classifier.classify(utf8: $0) }
        #expect(verdict.reason == .dns)
        #expect(verdict.facts.image == "a\u{00e9}/b")
    }
}
