/// Any other TLS or X.509 failure (after the specific TLS rules and the network rules, so that
/// "TLS handshake timeout" stays a timeout).
struct TLSHandshakeRule: ClassificationRule {
    let phrases = [Phrase("x509: "), Phrase("tls: "), Phrase("handshake failure")]

    func evaluate(_ message: NormalizedMessage) -> Classification? {
        guard message.containsAny(phrases) else { return nil }
        let host = message.facts.endpointForSummary
        return Classification(.handshakeFailed, .medium, "The TLS connection to \(host) failed.")
    }
}
