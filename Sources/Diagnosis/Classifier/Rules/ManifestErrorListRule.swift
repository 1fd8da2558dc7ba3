/// containers/image's multi-error answer cut after its first line ("Error reading manifest T in R:
/// errors:"): Docker Hub sends such a list (DENIED then UNAUTHORIZED) for missing and private
/// repositories. Only read for registries known to do that; low confidence, the list is gone.
struct ManifestErrorListRule: ClassificationRule {
    let readingManifest = Phrase("reading manifest")
    let errorList = Phrase("errors:")

    func evaluate(_ message: NormalizedMessage) -> Classification? {
        guard message.hasSuffix(errorList), message.contains(readingManifest),
              message.facts.registry.hidesMissingRepositories else { return nil }
        return Classification(.pullAccessDenied, .low,
                              "\(message.facts.registryAsSubject) answered a list of errors (cut off here) for "
                                  + "\(message.facts.imageForSummary): usually a private or missing repository.")
    }
}
