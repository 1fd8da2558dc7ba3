/// Nothing names a cause: say so, and say what was missing.
struct UnknownCause: DecisionRule {
    func evaluate(_ s: Signals) -> Decision? {
        let image = s.container?.image ?? "the image"
        if s.findings.isEmpty {
            return Decision(.unknown, .noCauseInMessage, .low,
                            "\(image) cannot be pulled, but no message says why (events expire after an hour); see what could not be checked.")
        }
        return Decision(.unknown, .unrecognized, .low,
                        "\(image) cannot be pulled and the runtime's message is not one PullDoctor recognises.")
    }
}
