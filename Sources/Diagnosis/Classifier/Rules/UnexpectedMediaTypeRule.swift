/// containerd's "unexpected media type text/html for sha256:...": something served a page where a
/// blob was expected (a mirror or proxy).
struct UnexpectedMediaTypeRule: ClassificationRule {
    let phrase = Phrase("unexpected media type")

    func evaluate(_ message: NormalizedMessage) -> Classification? {
        guard message.contains(phrase) else { return nil }
        return Classification(.unexpectedMediaType, .medium,
                              "Content of \(message.facts.imageForSummary) came back with the wrong media type "
                                  + "(often an HTML page from a proxy or mirror).")
    }
}
