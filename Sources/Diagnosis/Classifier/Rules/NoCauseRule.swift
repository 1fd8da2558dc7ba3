/// Messages that say a pull failed but not why.
///
/// Before Kubernetes 1.32 the `ImagePullBackOff` waiting message is only
/// `Back-off pulling image "X"` (from 1.32 the cause follows: `...: ErrImagePull: <cause>`, and
/// this rule steps aside). The `Failed` events `Error: ErrImagePull` and `Error: ImagePullBackOff`
/// carry only the kubelet's reason. The verdict is low-confidence `unknown`: the caller should
/// read the events, the pull secrets and probe the registry.
struct NoCauseRule: ClassificationRule {
    let backOff = Phrase("back-off pulling image \"")
    /// Whole messages that are only a kubelet reason.
    let reasonOnly = [
        Phrase("error: errimagepull"), Phrase("error: imagepullbackoff"), Phrase("errimagepull"), Phrase("imagepullbackoff"),
    ]
    let causelessPhrases = [Phrase("trying and failing to pull image"), Phrase("image pull failed for unknown error")]

    func evaluate(_ message: NormalizedMessage) -> Classification? {
        if message.isEmpty {
            return Classification(.noCauseInMessage, .low, "The message is empty; the cause must come from other evidence.")
        }
        if message.hasPrefix(backOff) {
            guard isBareBackOff(message) else { return nil }
            return Classification(.noCauseInMessage, .low,
                                  "The kubelet is backing off pulling \(message.facts.imageForSummary); the message does not say "
                                      + "why (before Kubernetes 1.32 it never does).")
        }
        for phrase in reasonOnly where message.count == phrase.count && message.hasPrefix(phrase) {
            return Classification(.noCauseInMessage, .low,
                                  "The event names only the kubelet's reason; the cause is in the pod's other events.")
        }
        if message.containsAny(causelessPhrases) {
            return Classification(.noCauseInMessage, .low,
                                  "The pull of \(message.facts.imageForSummary) failed and the message does not say why.")
        }
        return nil
    }

    /// `Back-off pulling image "X"` with nothing after the closing quote but an optional period.
    private func isBareBackOff(_ message: NormalizedMessage) -> Bool {
        var offset = backOff.count
        while offset < message.count, message.lower[offset] != UInt8(ascii: "\"") { offset += 1 }
        let rest = message.count - offset - 1
        return rest <= 0 || (rest == 1 && message.lower[offset + 1] == UInt8(ascii: "."))
    }
}
