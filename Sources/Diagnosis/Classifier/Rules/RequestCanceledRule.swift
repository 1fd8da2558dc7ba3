/// dockershim's cancellation of a pull that made no progress for the image pull progress deadline:
/// "net/http: request canceled".
struct RequestCanceledRule: ClassificationRule {
    let phrase = Phrase("net/http: request canceled")

    func evaluate(_ message: NormalizedMessage) -> Classification? {
        guard message.contains(phrase) else { return nil }
        return Classification(.pullProgressTimeout, .medium,
                              "The pull of \(message.facts.imageForSummary) was cancelled after making no progress.")
    }
}
