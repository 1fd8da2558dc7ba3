/// HTTP 400 from the registry or a mirror (wrong region, a mirror that mangles requests).
struct BadRequestRule: ClassificationRule {
    func evaluate(_ message: NormalizedMessage) -> Classification? {
        guard message.facts.httpStatus == 400 else { return nil }
        let host = message.facts.mirrorHost.map { "The mirror \($0)" } ?? message.facts.registryAsSubject
        return Classification(.badRequest, .medium, "\(host) answered 400 Bad Request.")
    }
}
