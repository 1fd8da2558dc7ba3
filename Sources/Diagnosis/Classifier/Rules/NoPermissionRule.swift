/// The registry says the caller "does not have permission" (Artifactory's "The client does not
/// have permission for manifest").
struct NoPermissionRule: ClassificationRule {
    let phrase = Phrase("does not have permission")

    func evaluate(_ message: NormalizedMessage) -> Classification? {
        guard message.contains(phrase) else { return nil }
        return Classification(.forbidden, .medium,
                              "\(message.facts.registryAsSubject) says the caller has no permission to pull "
                                  + "\(message.facts.imageForSummary).")
    }
}
