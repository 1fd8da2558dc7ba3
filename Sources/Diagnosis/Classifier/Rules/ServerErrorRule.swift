/// HTTP 5xx from the registry, a mirror or a proxy in front of it ("received unexpected HTTP
/// status: 503 Service Unavailable", "unexpected status ...: 500 Internal Server Error").
///
/// Docker's own API statuses ("API error (500)", dockerode's "(HTTP code 500)") are not registry
/// statuses and do not count (see ``FactExtractor``).
struct ServerErrorRule: ClassificationRule {
    func evaluate(_ message: NormalizedMessage) -> Classification? {
        guard let status = message.facts.httpStatus, (500...599).contains(status) else { return nil }
        let host = message.facts.mirrorHost.map { "The mirror \($0)" } ?? message.facts.registryAsSubject
        return Classification(.serverError, .medium, "\(host) answered HTTP \(status): a server-side failure.")
    }
}
