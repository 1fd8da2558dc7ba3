/// The registry's certificate chain does not end at a CA the node trusts: Go's "x509: certificate
/// signed by unknown authority", OpenSSL's self-signed and local-issuer wordings.
struct UnknownAuthorityRule: ClassificationRule {
    let phrases = [
        Phrase("certificate signed by unknown authority"), Phrase("self-signed certificate"),
        Phrase("self signed certificate"), Phrase("unable to get local issuer certificate"),
    ]

    func evaluate(_ message: NormalizedMessage) -> Classification? {
        guard message.containsAny(phrases) else { return nil }
        let host = message.facts.endpointForSummary
        return Classification(.unknownAuthority, .high,
                              "The node does not trust the CA that signed the certificate of \(host).")
    }
}
