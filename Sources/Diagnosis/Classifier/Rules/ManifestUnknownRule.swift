/// The registry's `MANIFEST_UNKNOWN` ("manifest unknown", Docker's "manifest for R:T not found",
/// ACR's "manifest tagged by ... is not found"). Tag or digest is read from the reference.
///
/// Confidence is medium for unrecognised registries: some self-hosted ones answer "manifest
/// unknown" when credentials are missing.
struct ManifestUnknownRule: ClassificationRule {
    let manifestUnknown = Phrase("manifest unknown")
    let manifestFor = Phrase("manifest for ")
    let notFound = Phrase(" not found")
    let taggedBy = Phrase("manifest tagged by")

    func evaluate(_ message: NormalizedMessage) -> Classification? {
        let dockerWording = message.contains(manifestFor) && message.contains(notFound)
        guard dockerWording || message.contains(manifestUnknown) || message.contains(taggedBy) else { return nil }
        let facts = message.facts
        let confidence: Confidence = facts.registry == .other || facts.registry == .unknown ? .medium : .high
        guard facts.image != nil else {
            return Classification(.manifestUnknown, confidence, "\(facts.registryAsSubject) has no such manifest.")
        }
        if facts.referencesDigest {
            return Classification(.digestNotFound, confidence,
                                  "\(facts.registryAsSubject) has no manifest with the digest of \(facts.imageForSummary).")
        }
        return Classification(.tagNotFound, confidence, "\(facts.registryAsSubject) has no tag \(facts.imageForSummary).")
    }
}
