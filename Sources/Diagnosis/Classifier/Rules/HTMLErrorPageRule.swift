/// An HTML page where Docker expected a registry's JSON error ("error parsing HTTP 403 response
/// body: invalid character '<' ..."): a proxy, WAF or CDN answered, not the registry. Runs before
/// the authentication rules because such pages often say "Forbidden" or "permission".
struct HTMLErrorPageRule: ClassificationRule {
    let parsing = Phrase("error parsing http")
    let markup = [Phrase("invalid character '<'"), Phrase("<html")]

    func evaluate(_ message: NormalizedMessage) -> Classification? {
        guard message.contains(parsing), message.containsAny(markup) else { return nil }
        let status = message.facts.httpStatus.map { " (HTTP \($0))" } ?? ""
        return Classification(.htmlErrorPage, .medium,
                              "An HTML page came back instead of a registry error\(status): something between the "
                                  + "node and \(message.facts.registryForSummary) answered.")
    }
}
