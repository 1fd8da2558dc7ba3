/// The HTTP(S) proxy failed: Go's "proxyconnect tcp: ..." (the proxy itself is unreachable),
/// "Proxy Authentication Required", or a proxy's own 502 text "Server dropped connection".
struct ProxyRule: ClassificationRule {
    let proxyConnect = Phrase("proxyconnect tcp")
    let proxyAnswers = [Phrase("proxy authentication required"), Phrase("server dropped connection")]

    func evaluate(_ message: NormalizedMessage) -> Classification? {
        if message.contains(proxyConnect) {
            let address = message.facts.remoteAddress.map { " at \($0)" } ?? ""
            return Classification(.proxy, .high, "The runtime could not reach its HTTP proxy\(address).")
        }
        if message.containsAny(proxyAnswers) {
            return Classification(.proxy, .medium,
                                  "An HTTP proxy answered instead of \(message.facts.registryForSummary).")
        }
        return nil
    }
}
