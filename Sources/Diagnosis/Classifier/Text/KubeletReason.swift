/// The kubelet's waiting reasons for image problems, as they appear inside messages
/// (`Back-off pulling image "X": ErrImagePull: ...`, `Error: ImagePullBackOff`, `... with ErrImagePull: "..."`).
public enum KubeletReason: String, Sendable, Hashable, Codable, CaseIterable {
    case errImagePull = "ErrImagePull"
    case imagePullBackOff = "ImagePullBackOff"
    case invalidImageName = "InvalidImageName"
    case errImageNeverPull = "ErrImageNeverPull"
    case registryUnavailable = "RegistryUnavailable"
    case signatureValidationFailed = "SignatureValidationFailed"
    case imageInspectError = "ImageInspectError"

    /// The reason's name prepared for searching.
    var phrase: Phrase { Phrase(rawValue) }
}
