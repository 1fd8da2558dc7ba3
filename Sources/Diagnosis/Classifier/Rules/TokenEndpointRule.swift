/// The registry's token service answered 401 or 403 ("failed to authorize: failed to fetch
/// anonymous token: unexpected status: 403 Forbidden", CRI-O's "Requesting bearer token: invalid
/// status code from registry 403 (Forbidden)").
///
/// containerd says whether credentials were sent: it asks for an "oauth token" only when it has a
/// secret and an "anonymous token" otherwise. Registries that refuse tokens for missing
/// repositories (``RegistryFamily/hidesMissingRepositories``) make an anonymous refusal ambiguous.
struct TokenEndpointRule: ClassificationRule {
    func evaluate(_ message: NormalizedMessage) -> Classification? {
        let facts = message.facts
        guard facts.requestKind == .token, let status = facts.httpStatus, status == 401 || status == 403 else { return nil }
        let registry = facts.registryAsSubject
        let hides = facts.registry.hidesMissingRepositories
        switch facts.credentialsSent {
        case true?:
            return status == 401
                ? Classification(.credentialsRejected, .medium, "\(registry)'s token service rejected the credentials (HTTP 401).")
                : Classification(.forbidden, .medium,
                                 "\(registry)'s token service refused the credentials access to this repository (HTTP 403).")
        case false?:
            if hides {
                return Classification(.anonymousTokenDeniedAmbiguous, .medium,
                                      "\(registry) refused an anonymous token (HTTP \(status)): the repository is "
                                          + "private or does not exist.")
            }
            return status == 401
                ? Classification(.authRequired, .high, "\(registry) requires credentials and none were sent (HTTP 401).")
                : Classification(.anonymousForbidden, .high, "\(registry) refuses anonymous pulls of this repository (HTTP 403).")
        case nil:
            if hides {
                return status == 401
                    ? Classification(.unauthorizedAmbiguous, .medium,
                                     "\(registry) refused a token (HTTP 401): the repository is private or does not exist.")
                    : Classification(.accessDeniedAmbiguous, .medium,
                                     "\(registry) refused a token (HTTP 403): the repository is private or does not exist.")
            }
            return status == 401
                ? Classification(.authRequired, .medium, "\(registry)'s token service requires credentials (HTTP 401).")
                : Classification(.forbidden, .medium, "\(registry)'s token service refused access (HTTP 403).")
        }
    }
}
