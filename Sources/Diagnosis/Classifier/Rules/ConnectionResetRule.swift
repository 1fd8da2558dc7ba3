/// The connection was cut: "read: connection reset by peer", "broken pipe", Windows'
/// "forcibly closed by the remote host".
struct ConnectionResetRule: ClassificationRule {
    let phrases = [
        Phrase("connection reset by peer"), Phrase("broken pipe"), Phrase("forcibly closed by the remote host"),
    ]

    func evaluate(_ message: NormalizedMessage) -> Classification? {
        guard message.containsAny(phrases) else { return nil }
        let address = message.facts.remoteAddress ?? message.facts.endpointHost ?? message.facts.registryForSummary
        return Classification(.connectionReset, .high,
                              "The connection to \(address) was reset during the pull.")
    }
}
