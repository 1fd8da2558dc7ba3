/// The error codes registries put in their JSON error bodies (distribution spec), plus
/// `INSUFFICIENT_SCOPE`, the OAuth error of a bearer challenge that containerd prints.
public enum RegistryErrorCode: String, Sendable, Hashable, Codable, CaseIterable {
    /// No manifest for the tag or digest.
    case manifestUnknown = "MANIFEST_UNKNOWN"
    /// No such repository.
    case nameUnknown = "NAME_UNKNOWN"
    /// No such blob.
    case blobUnknown = "BLOB_UNKNOWN"
    /// Authentication required (or failed).
    case unauthorized = "UNAUTHORIZED"
    /// Access to the resource denied.
    case denied = "DENIED"
    /// Rate limited.
    case tooManyRequests = "TOOMANYREQUESTS"
    /// The bearer token does not cover the requested action.
    case insufficientScope = "INSUFFICIENT_SCOPE"
    /// Invalid repository name.
    case nameInvalid = "NAME_INVALID"
    /// Invalid manifest.
    case manifestInvalid = "MANIFEST_INVALID"
    /// Invalid tag.
    case tagInvalid = "TAG_INVALID"
}
