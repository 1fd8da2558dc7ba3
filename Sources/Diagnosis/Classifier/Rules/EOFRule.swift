/// The connection closed mid-response: "unexpected EOF", or Go's bare ": EOF" at the end of a
/// request error.
struct EOFRule: ClassificationRule {
    let unexpected = Phrase("unexpected eof")
    let bare = Phrase(": eof")

    func evaluate(_ message: NormalizedMessage) -> Classification? {
        guard message.contains(unexpected) || hasBareEOF(message) else { return nil }
        let host = message.facts.endpointForSummary
        let step = message.facts.requestKind == .token ? " token service" : ""
        return Classification(.eof, .medium, "The connection to \(host)\(step) closed in the middle of a response.")
    }

    private func hasBareEOF(_ message: NormalizedMessage) -> Bool {
        var from = 0
        while let found = message.firstIndex(of: bare, from: from) {
            let next = message.lowerByte(at: found + bare.count)
            if next.map({ !($0 >= 0x61 && $0 <= 0x7A) }) ?? true { return true }
            from = found + 1
        }
        return false
    }
}
