/// HTTPS spoken to a plain-HTTP registry: Go's "http: server gave HTTP response to HTTPS client"
/// and "first record does not look like a TLS handshake".
struct HTTPOnHTTPSRule: ClassificationRule {
    let phrases = [
        Phrase("server gave http response to https client"), Phrase("first record does not look like a tls handshake"),
    ]

    func evaluate(_ message: NormalizedMessage) -> Classification? {
        guard message.containsAny(phrases) else { return nil }
        let host = message.facts.endpointAsSubject
        return Classification(.httpOnHTTPS, .high,
                              "\(host) speaks plain HTTP but the runtime used HTTPS; configure it as an insecure "
                                  + "(HTTP) registry or serve TLS.")
    }
}
