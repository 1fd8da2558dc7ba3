/// Credentials were sent and refused: GHCR's "User cannot be authenticated with the token
/// provided", Docker Hub's "incorrect username or password", Harbor's "unauthorized to access
/// repository", or the kubelet's list of errors from several pull secrets (it lists errors only
/// when it tried several credentials) that all say "authentication required".
struct CredentialsRejectedRule: ClassificationRule {
    let refusals = [
        Phrase("cannot be authenticated with the token provided"), Phrase("incorrect username or password"),
        Phrase("invalid username/password"), Phrase("invalid username or password"),
    ]
    let harbor = Phrase("unauthorized to access repository")
    let authenticationRequired = Phrase("authentication required")

    func evaluate(_ message: NormalizedMessage) -> Classification? {
        let registry = message.facts.registryAsSubject
        if message.containsAny(refusals) {
            return Classification(.credentialsRejected, .high, "\(registry) refused the credentials that were sent.")
        }
        if message.contains(harbor) {
            return Classification(.credentialsRejected, .medium,
                                  "\(registry) did not accept the credentials for pulling this repository.")
        }
        if message.listsSeveralAttempts, !message.facts.registry.hidesMissingRepositories,
           message.contains(authenticationRequired) || message.facts.httpStatus == 401 {
            return Classification(.credentialsRejected, .medium,
                                  "The kubelet tried several pull secrets and \(message.facts.registryForSummary) refused each of them.")
        }
        return nil
    }
}
