/// No route to the registry: "no route to host", "network is unreachable", "host is unreachable".
struct NoRouteToHostRule: ClassificationRule {
    let phrases = [Phrase("no route to host"), Phrase("network is unreachable"), Phrase("host is unreachable")]

    func evaluate(_ message: NormalizedMessage) -> Classification? {
        guard message.containsAny(phrases) else { return nil }
        let address = message.facts.remoteAddress ?? message.facts.endpointHost ?? message.facts.registryForSummary
        return Classification(.noRouteToHost, .high, "The node has no route to \(address).")
    }
}
