/// "Requested repository does not match bearer token resource": the token was issued for another
/// repository (a proxy or mirror rewriting names).
struct TokenScopeMismatchRule: ClassificationRule {
    let phrase = Phrase("does not match bearer token resource")

    func evaluate(_ message: NormalizedMessage) -> Classification? {
        guard message.contains(phrase) else { return nil }
        return Classification(.tokenScopeMismatch, .high,
                              "The registry token was issued for another repository than the one pulled.")
    }
}
