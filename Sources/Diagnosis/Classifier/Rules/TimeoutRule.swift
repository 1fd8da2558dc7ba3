/// Connecting or reading timed out: "i/o timeout", "connection timed out", "context deadline
/// exceeded", net/http's header and handshake timeouts, or the gRPC code `DeadlineExceeded`.
struct TimeoutRule: ClassificationRule {
    let socketTimeouts = [
        Phrase("i/o timeout"), Phrase("connection timed out"), Phrase("timeout awaiting response headers"),
        Phrase("tls handshake timeout"), Phrase("client.timeout exceeded"),
        Phrase("request canceled while waiting for connection"),
    ]
    let deadline = Phrase("deadline exceeded")

    func evaluate(_ message: NormalizedMessage) -> Classification? {
        let address = message.facts.remoteAddress ?? message.facts.endpointHost ?? message.facts.registryForSummary
        if message.containsAny(socketTimeouts) {
            return Classification(.timeout, .high, "Connecting to \(address) timed out.")
        }
        if message.contains(deadline) || message.grpcCode == .deadlineExceeded {
            return Classification(.timeout, .medium, "The pull from \(address) ran out of time.")
        }
        return nil
    }
}
