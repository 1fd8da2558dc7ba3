/// The kubelet's waiting reasons for image problems, as they appear inside messages
/// (`Back-off pulling image "X": ErrImagePull: ...`, `Error: ImagePullBackOff`, `... with ErrImagePull: "..."`).
public enum KubeletReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// A pull failed (the waiting reason after each failed attempt).
    case errImagePull = "ErrImagePull"
    /// The kubelet waits before retrying a failed pull.
    case imagePullBackOff = "ImagePullBackOff"
    /// The image reference cannot be parsed.
    case invalidImageName = "InvalidImageName"
    /// The pull policy is Never and the image is absent.
    case errImageNeverPull = "ErrImageNeverPull"
    /// The runtime reported the registry unreachable (CRI `RegistryUnavailable`, 1.28+).
    case registryUnavailable = "RegistryUnavailable"
    /// Signature verification refused the image (CRI `SignatureValidationFailed`, 1.28+).
    case signatureValidationFailed = "SignatureValidationFailed"
    /// The runtime could not inspect the image.
    case imageInspectError = "ImageInspectError"

    /// The reason's name prepared for searching.
    var phrase: Phrase { Phrase(rawValue) }
}
