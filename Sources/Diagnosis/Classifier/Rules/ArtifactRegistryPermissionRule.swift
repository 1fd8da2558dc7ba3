/// Google Artifact Registry's permission answers: `Permission "artifactregistry.repositories.
/// downloadArtifacts" denied on resource ...`, with "(or it may not exist)" in newer wordings, and
/// "Unauthenticated requests do not have permission ..." for anonymous pulls.
struct ArtifactRegistryPermissionRule: ClassificationRule {
    let permission = Phrase("permission \"artifactregistry.")
    let unauthenticated = Phrase("unauthenticated requests do not have permission")
    let mayNotExist = Phrase("(or it may not exist)")

    func evaluate(_ message: NormalizedMessage) -> Classification? {
        guard message.contains(permission) else { return nil }
        if message.contains(unauthenticated) {
            return Classification(.anonymousForbidden, .high,
                                  "Artifact Registry refuses anonymous pulls of this repository; send credentials.")
        }
        if message.contains(mayNotExist) {
            return Classification(.permissionDeniedOrMissing, .medium,
                                  "Artifact Registry denied the download: no read permission, or the repository "
                                      + "does not exist.")
        }
        return Classification(.forbidden, .high,
                              "Artifact Registry denied the download: the caller lacks read permission on the repository.")
    }
}
