/// `imagePullPolicy: Never` with the image absent from the node (`ErrImageNeverPull`).
struct NeverPullRule: ClassificationRule {
    let phrases = [Phrase("is not present with pull policy of never"), Phrase("errimageneverpull")]

    func evaluate(_ message: NormalizedMessage) -> Classification? {
        guard message.containsAny(phrases) else { return nil }
        return Classification(.neverPullNotPresent, .high,
                              "The pull policy is Never and \(message.facts.imageForSummary) is not on the node.")
    }
}
