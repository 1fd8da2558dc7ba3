/// The runtime reports the registry unreachable without the socket detail: the CRI error
/// `RegistryUnavailable` (and the kubelet's "because the registry is unavailable"), Docker's old
/// "unable to ping registry endpoint" / "invalid registry endpoint". Last, so that any detail
/// (refused, timeout, TLS) wins.
struct RegistryUnavailableRule: ClassificationRule {
    let phrases = [
        Phrase("registryunavailable"), Phrase("registry is unavailable"), Phrase("unable to ping registry endpoint"),
        Phrase("invalid registry endpoint"),
    ]

    func evaluate(_ message: NormalizedMessage) -> Classification? {
        guard message.containsAny(phrases) else { return nil }
        return Classification(.registryUnavailable, .medium,
                              "The runtime could not reach \(message.facts.registryForSummary).")
    }
}
