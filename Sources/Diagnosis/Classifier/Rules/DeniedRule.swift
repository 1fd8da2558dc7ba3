/// The registry's `DENIED` error ("denied: access forbidden", "denied: denied", a bare "denied").
///
/// GHCR and GitLab answer DENIED for repositories that do not exist as well as for private ones
/// and stale credentials: ambiguous there, a refusal elsewhere.
struct DeniedRule: ClassificationRule {
    let accessForbidden = Phrase("access forbidden")

    func evaluate(_ message: NormalizedMessage) -> Classification? {
        guard message.facts.registryErrorCode == .denied || message.contains(accessForbidden) else { return nil }
        let registry = message.facts.registryAsSubject
        if message.facts.registry.hidesMissingRepositories {
            return Classification(.accessDeniedAmbiguous, .medium,
                                  "\(registry) denied the pull: the repository does not exist, is private, or the "
                                      + "credentials sent are stale.")
        }
        return Classification(.forbidden, .medium, "\(registry) denied the pull of \(message.facts.imageForSummary).")
    }
}
