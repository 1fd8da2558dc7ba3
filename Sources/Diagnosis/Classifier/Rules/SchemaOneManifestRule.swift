/// Docker schema 1 manifests, refused by containerd 2.x ("Pulling Schema 1 images have been
/// deprecated and disabled") and Docker's containerd store ("...manifest.v1+prettyjws not supported").
struct SchemaOneManifestRule: ClassificationRule {
    let phrases = [Phrase("manifest.v1+prettyjws"), Phrase("manifest.v1+json"), Phrase("schema 1")]

    func evaluate(_ message: NormalizedMessage) -> Classification? {
        guard message.containsAny(phrases) else { return nil }
        return Classification(.unsupportedManifest, .high,
                              "\(message.facts.imageAsSubject) is a Docker schema 1 image, which the runtime no "
                                  + "longer pulls; rebuild and push it.")
    }
}
