/// The registry's pull rate limit: HTTP 429, `toomanyrequests`, Docker Hub's "You have reached
/// your pull rate limit".
struct RegistryRateLimitRule: ClassificationRule {
    let phrases = [
        Phrase("toomanyrequests"), Phrase("too many requests"), Phrase("pull rate limit"), Phrase("rate limit exceeded"),
    ]

    func evaluate(_ message: NormalizedMessage) -> Classification? {
        guard message.facts.httpStatus == 429 || message.containsAny(phrases) else { return nil }
        let wait = message.facts.retryAfterSeconds.map { "; retry after \($0) s" } ?? ""
        let advice = message.facts.registry == .dockerHub ? " (authenticate pulls or use a mirror)" : ""
        return Classification(.registryRateLimit, .high,
                              "\(message.facts.registryAsSubject) rate-limited the pull\(advice)\(wait).")
    }
}
