/// Go's "x509: certificate has expired or is not yet valid" (a wrong node clock gives it too).
struct ExpiredCertificateRule: ClassificationRule {
    let phrase = Phrase("certificate has expired")

    func evaluate(_ message: NormalizedMessage) -> Classification? {
        guard message.contains(phrase) else { return nil }
        let host = message.facts.endpointForSummary
        return Classification(.expiredCertificate, .high,
                              "The TLS certificate of \(host) has expired or is not yet valid (or the node's clock is wrong).")
    }
}
