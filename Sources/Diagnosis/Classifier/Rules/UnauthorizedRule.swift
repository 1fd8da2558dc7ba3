/// The registry's `UNAUTHORIZED` error ("unauthorized: authentication required", Quay's
/// "access to the requested resource is not authorized", a bare "unauthorized").
///
/// Quay, GHCR, GitLab and GCR answer so for repositories that do not exist too: ambiguous there.
/// Docker Hub answers missing or private repositories with DENIED ("pull access denied", an
/// earlier rule), so its UNAUTHORIZED is read as an authentication problem.
struct UnauthorizedRule: ClassificationRule {
    let phrases = [Phrase("authentication required"), Phrase("access to the requested resource is not authorized")]

    func evaluate(_ message: NormalizedMessage) -> Classification? {
        guard message.facts.registryErrorCode == .unauthorized || message.containsAny(phrases) else { return nil }
        let family = message.facts.registry
        let registry = message.facts.registryAsSubject
        if family.hidesMissingRepositories, family != .dockerHub {
            return Classification(.unauthorizedAmbiguous, .medium,
                                  "\(registry) answered unauthorized: the repository is private or does not exist.")
        }
        return Classification(.authRequired, .medium, "\(registry) requires (valid) credentials to pull \(message.facts.imageForSummary).")
    }
}
