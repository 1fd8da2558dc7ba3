/// The registry's generic `UNKNOWN` error in containers/image's wording ("reading manifest T in R:
/// unknown: ..."), e.g. a Harbor proxy-cache project whose upstream failed.
struct RegistryUnknownErrorRule: ClassificationRule {
    let readingManifest = Phrase("reading manifest")
    let unknownCode = Phrase(": unknown: ")

    func evaluate(_ message: NormalizedMessage) -> Classification? {
        guard message.contains(readingManifest), message.contains(unknownCode) else { return nil }
        return Classification(.registryUnknownError, .medium,
                              "\(message.facts.registryAsSubject) answered with its generic UNKNOWN error; check its logs.")
    }
}
