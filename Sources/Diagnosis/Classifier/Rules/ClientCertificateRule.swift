/// The registry wants a client certificate (mutual TLS): "remote error: tls: certificate
/// required", or it refused the one sent ("tls: bad certificate").
struct ClientCertificateRule: ClassificationRule {
    let required = Phrase("tls: certificate required")
    let refused = Phrase("tls: bad certificate")

    func evaluate(_ message: NormalizedMessage) -> Classification? {
        let host = message.facts.endpointAsSubject
        if message.contains(required) {
            return Classification(.clientCertificateRequired, .high,
                                  "\(host) requires a client certificate and the runtime sent none.")
        }
        if message.contains(refused) {
            return Classification(.clientCertificateRequired, .medium,
                                  "\(host) refused the TLS handshake's client certificate.")
        }
        return nil
    }
}
