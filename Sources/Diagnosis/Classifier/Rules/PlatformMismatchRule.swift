/// The image has no variant for the node's platform: containerd "no match for platform in
/// manifest", Docker "no matching manifest for linux/arm64/v8 in the manifest list entries",
/// containers/image "no image found in manifest list for architecture ...".
struct PlatformMismatchRule: ClassificationRule {
    let phrases = [
        Phrase("no match for platform in manifest"), Phrase("no matching manifest for"),
        Phrase("no image found in manifest list for architecture"), Phrase("does not match the specified platform"),
    ]

    func evaluate(_ message: NormalizedMessage) -> Classification? {
        guard message.containsAny(phrases) else { return nil }
        return Classification(.noMatchingPlatform, .high,
                              "\(message.facts.imageAsSubject) has no variant for this node's OS/architecture.")
    }
}
