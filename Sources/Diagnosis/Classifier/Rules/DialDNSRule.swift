/// The registry's name did not resolve on the node: Go's "dial tcp: lookup H on R: no such host"
/// (also "server misbehaving", "Try again", or a resolver timeout), and the C library wordings.
struct DialDNSRule: ClassificationRule {
    let phrases = [
        Phrase(": lookup "), Phrase("no such host"), Phrase("server misbehaving"),
        Phrase("temporary failure in name resolution"), Phrase("could not resolve host"),
        Phrase("name or service not known"),
    ]

    func evaluate(_ message: NormalizedMessage) -> Classification? {
        guard message.containsAny(phrases) else { return nil }
        let name = message.facts.lookupHost ?? message.facts.endpointHost ?? message.facts.registryForSummary
        return Classification(.dns, .high, "The node could not resolve \(name).")
    }
}
