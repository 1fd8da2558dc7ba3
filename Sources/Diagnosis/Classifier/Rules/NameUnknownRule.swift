/// The registry's `NAME_UNKNOWN` ("name unknown", "repository name not known to registry", ECR's
/// "The repository with name 'x' does not exist in the registry with id 'y'").
struct NameUnknownRule: ClassificationRule {
    let phrases = [
        Phrase("name unknown"), Phrase("repository name not known to registry"),
        Phrase("does not exist in the registry with id"),
    ]

    func evaluate(_ message: NormalizedMessage) -> Classification? {
        guard message.containsAny(phrases) else { return nil }
        return Classification(.repositoryNotFound, .high,
                              "\(message.facts.registryAsSubject) has no repository for \(message.facts.imageForSummary).")
    }
}
