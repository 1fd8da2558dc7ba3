/// Nothing listens at the registry's address: "connect: connection refused" (CRI-O from 1.28 also
/// reports it as `RegistryUnavailable`).
struct ConnectionRefusedRule: ClassificationRule {
    let phrase = Phrase("connection refused")

    func evaluate(_ message: NormalizedMessage) -> Classification? {
        guard message.contains(phrase) else { return nil }
        let address = message.facts.remoteAddress ?? message.facts.endpointHost ?? message.facts.registryForSummary
        var summary = "Connection refused by \(address)."
        if Self.isLoopback(address) || Self.isLoopback(message.facts.registryHost ?? "") {
            summary += " Loopback on a node means the node itself, not your workstation."
        }
        return Classification(.connectionRefused, .high, summary)
    }

    static func isLoopback(_ address: String) -> Bool {
        address.hasPrefix("127.") || address.hasPrefix("[::1]") || address.hasPrefix("localhost")
    }
}
