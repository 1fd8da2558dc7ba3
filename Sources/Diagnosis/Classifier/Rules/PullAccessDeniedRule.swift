/// Docker's "pull access denied for X, repository does not exist or may require 'docker login'",
/// containerd's "... may require authorization", dockerd's older "repository X not found: does not
/// exist or no pull access", and Docker Hub's DENIED text "requested access to the resource is denied".
struct PullAccessDeniedRule: ClassificationRule {
    let phrases = [
        Phrase("pull access denied"), Phrase("repository does not exist or may require"),
        Phrase("does not exist or no pull access"), Phrase("requested access to the resource is denied"),
    ]

    func evaluate(_ message: NormalizedMessage) -> Classification? {
        guard message.containsAny(phrases) else { return nil }
        return Classification(.pullAccessDenied, .medium,
                              "\(message.facts.registryAsSubject) denied pulling \(message.facts.imageForSummary): "
                                  + "the repository does not exist or is private and needs credentials.")
    }
}
