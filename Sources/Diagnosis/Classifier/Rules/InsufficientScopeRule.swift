/// containerd's "server message: insufficient_scope: authorization failed": the token does not
/// cover pulling the repository. Docker Hub and others answer so for missing and private
/// repositories alike.
struct InsufficientScopeRule: ClassificationRule {
    let phrase = Phrase("insufficient_scope")

    func evaluate(_ message: NormalizedMessage) -> Classification? {
        guard message.contains(phrase) else { return nil }
        return Classification(.insufficientScopeAmbiguous, .medium,
                              "\(message.facts.registryAsSubject) refused to pull \(message.facts.imageForSummary): "
                                  + "the repository does not exist or needs credentials.")
    }
}
