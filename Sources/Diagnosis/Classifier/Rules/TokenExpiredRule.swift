/// An expired registry token: ECR's "Your authorization token has expired" (12-hour tokens), and
/// AWS's "The security token included in the request is invalid".
struct TokenExpiredRule: ClassificationRule {
    let phrases = [
        Phrase("token has expired"), Phrase("token is expired"), Phrase("security token included in the request is invalid"),
    ]

    func evaluate(_ message: NormalizedMessage) -> Classification? {
        guard message.containsAny(phrases) else { return nil }
        return Classification(.tokenExpired, .high,
                              "The credentials for \(message.facts.registryForSummary) have expired; refresh the token.")
    }
}
