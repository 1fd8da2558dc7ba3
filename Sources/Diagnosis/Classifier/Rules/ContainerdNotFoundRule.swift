/// containerd's "not found" from resolving: `failed to resolve reference "R": R: not found`, and
/// "content at URL/manifests/sha256:... not found" for a missing child manifest.
///
/// Tag or digest is read from the reference. GHCR also answers "not found" for private packages,
/// so its verdict is medium confidence.
struct ContainerdNotFoundRule: ClassificationRule {
    let resolving = [Phrase("failed to resolve reference"), Phrase("failed to resolve image")]
    let notFoundAtEnd = Phrase(": not found")
    let contentAt = Phrase("content at ")
    let manifestByDigest = Phrase("/manifests/sha256:")

    func evaluate(_ message: NormalizedMessage) -> Classification? {
        let facts = message.facts
        let confidence: Confidence = facts.registry == .ghcr ? .medium : .high
        if message.contains(contentAt), message.contains(manifestByDigest), message.hasSuffix(notFoundAtEnd) {
            return Classification(.digestNotFound, confidence,
                                  "\(facts.registryAsSubject) has no manifest for a digest that \(facts.imageForSummary) "
                                      + "refers to.")
        }
        guard message.hasSuffix(notFoundAtEnd), message.containsAny(resolving) else { return nil }
        if facts.referencesDigest {
            return Classification(.digestNotFound, confidence,
                                  "\(facts.registryAsSubject) has no manifest with the digest of \(facts.imageForSummary).")
        }
        return Classification(.tagNotFound, confidence,
                              "\(facts.registryAsSubject) has no image \(facts.imageForSummary) (no such tag or repository).")
    }
}
