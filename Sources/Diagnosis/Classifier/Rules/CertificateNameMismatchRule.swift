/// The certificate does not cover the host contacted: Go's "x509: certificate is valid for A, B,
/// not C" (often a TLS-intercepting proxy or a hosts-file redirect) and the IP SAN variants.
struct CertificateNameMismatchRule: ClassificationRule {
    let phrases = [
        Phrase("x509: certificate is valid for"), Phrase("certificate is not valid for any names"),
        Phrase("doesn't contain any ip sans"),
    ]

    func evaluate(_ message: NormalizedMessage) -> Classification? {
        guard message.containsAny(phrases) else { return nil }
        let host = message.facts.endpointForSummary
        return Classification(.nameMismatch, .high,
                              "The certificate presented for \(host) is issued for other names "
                                  + "(a wrong virtual host or an intercepting proxy).")
    }
}
