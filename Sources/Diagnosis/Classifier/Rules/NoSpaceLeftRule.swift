/// The node ran out of disk space while writing layers (`no space left on device`, or a quota).
struct NoSpaceLeftRule: ClassificationRule {
    let phrases = [Phrase("no space left on device"), Phrase("disk quota exceeded")]

    func evaluate(_ message: NormalizedMessage) -> Classification? {
        guard message.containsAny(phrases) else { return nil }
        return Classification(.noSpaceLeft, .high,
                              "The node ran out of disk space while storing \(message.facts.imageForSummary).")
    }
}
