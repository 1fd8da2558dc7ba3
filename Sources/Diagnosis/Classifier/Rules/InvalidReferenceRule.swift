/// The kubelet or runtime cannot parse the image reference (`InvalidImageName`):
/// `couldn't parse image reference "X"` (before 1.28) or `couldn't parse image name "X"`,
/// `invalid reference format`, `Failed to apply default image tag "X"`.
///
/// The reason says what is wrong when the text or the quoted reference shows it: upper case
/// (`repository name must be lowercase`), a URL scheme, invisible or non-ASCII characters.
struct InvalidReferenceRule: ClassificationRule {
    let triggers = [
        Phrase("invalid reference format"), Phrase("couldn't parse image"), Phrase("invalidimagename"),
        Phrase("failed to apply default image tag"),
    ]
    let lowercaseRequired = Phrase("repository name must be lowercase")
    let detailed = [Phrase("invalid reference format"), Phrase("couldn't parse image")]

    func evaluate(_ message: NormalizedMessage) -> Classification? {
        guard message.containsAny(triggers) else { return nil }
        let image = message.facts.imageForSummary
        if message.contains(lowercaseRequired) {
            return Classification(.uppercaseInReference, .high, "The image reference \(image) has upper-case letters.")
        }
        if let reference = message.facts.image {
            let lowered = reference.lowercased()
            if ["https://", "http://", "docker://", "oci://"].contains(where: lowered.hasPrefix) {
                return Classification(.schemeInReference, .high,
                                      "The image reference \(image) starts with a URL scheme; remove it.")
            }
            if reference.utf8.contains(where: { $0 >= 0x80 }) {
                return Classification(.invisibleCharacters, .high,
                                      "The image reference \(image) contains invisible or non-ASCII characters.")
            }
        }
        let confidence: Confidence = message.containsAny(detailed) ? .high : .medium
        return Classification(.invalidFormat, confidence, "The image reference \(image) is not a valid reference.")
    }
}
