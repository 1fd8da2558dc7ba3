/// CRI-O and podman could not turn a short name into one registry: short-name mode "enforcing"
/// with several candidates, or no unqualified-search registries at all.
struct ShortNameRule: ClassificationRule {
    let ambiguous = [Phrase("short name mode is enforcing"), Phrase("returns ambiguous list")]
    let noSearchRegistries = [
        Phrase("no registries configured while trying to pull an unqualified image"),
        Phrase("no unqualified-search registries are defined"),
    ]

    func evaluate(_ message: NormalizedMessage) -> Classification? {
        if message.containsAny(ambiguous) {
            return Classification(.shortNameAmbiguous, .high,
                                  "The short image name matches several search registries; use a fully qualified name.")
        }
        if message.containsAny(noSearchRegistries) {
            return Classification(.unqualifiedNoSearchRegistries, .high,
                                  "The image name has no registry host and the runtime has no search registries; "
                                      + "use a fully qualified name.")
        }
        return nil
    }
}
