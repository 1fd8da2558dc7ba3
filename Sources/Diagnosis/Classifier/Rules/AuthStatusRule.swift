/// A registry request answered 401 or 403 in containerd's wordings ("unexpected status from HEAD
/// request to URL: 401 Unauthorized", "pulling from host H failed with status code [manifests T]:
/// 403 Forbidden") and the like.
///
/// Unlike an "unauthorized" or "denied" error code, a bare status on the manifest comes after the
/// token step succeeded (or was skipped), so it is read as an authentication problem whichever the
/// registry: containerd turns the ambiguous 401 with `insufficient_scope` into "pull access denied".
struct AuthStatusRule: ClassificationRule {
    func evaluate(_ message: NormalizedMessage) -> Classification? {
        let facts = message.facts
        let registry = facts.registryAsSubject
        switch facts.httpStatus {
        case 401:
            if facts.credentialsSent == true {
                return Classification(.credentialsRejected, .medium, "\(registry) rejected the credentials (HTTP 401).")
            }
            return Classification(.authRequired, .medium,
                                  "\(registry) answered 401 Unauthorized: the pull needs (valid) credentials.")
        case 403:
            return Classification(.forbidden, .medium,
                                  "\(registry) answered 403 Forbidden: the caller may not pull \(facts.imageForSummary).")
        default:
            return nil
        }
    }
}
