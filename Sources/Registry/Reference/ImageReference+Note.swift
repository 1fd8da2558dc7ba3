import Foundation

extension ImageReference {
    /// Something the normaliser assumed on the user's behalf. Not an error: the reference is
    /// valid, but a person reading a failed pull often needs to see these spelled out (a
    /// private image written without its registry silently becomes a Docker Hub image).
    public enum Note: String, Sendable, CaseIterable, Hashable {
        /// No registry was written, so the image is looked up on Docker Hub.
        case registryDefaulted = "registry_defaulted"
        /// A single-component Docker Hub name got the `library/` namespace of official images.
        case libraryPrefixAdded = "library_prefix_added"
        /// Neither tag nor digest was written, so the tag `latest` is used.
        case tagDefaulted = "tag_defaulted"
        /// `index.docker.io` was written; it is rewritten to `docker.io`.
        case legacyHubDomain = "legacy_hub_domain"
        /// Both a tag and a digest were written: the runtime pulls by digest and ignores the tag.
        case tagIgnoredForDigest = "tag_ignored_for_digest"
        /// The whole name looks like a registry host (`myregistry.io`, `localhost:5000`) but has
        /// no `/`, so it is read as an image on Docker Hub: the repository is probably missing.
        case nameLooksLikeRegistry = "name_looks_like_registry"
        /// The first component has no `.` or `:` but contains upper-case letters, so it is read as a
        /// registry host (Docker Hub namespaces are lower-case): it is probably a mistyped namespace.
        case uppercaseHostWithoutDot = "uppercase_host_without_dot"

        /// A sentence for people, naming the consequence.
        public var message: String {
            switch self {
            case .registryDefaulted:
                return "no registry in the name, so it is pulled from Docker Hub (docker.io); "
                    + "private images need their registry prefix, e.g. myregistry.io/app:v1"
            case .libraryPrefixAdded:
                return "a one-part Docker Hub name means an official image under library/"
            case .tagDefaulted:
                return "no tag or digest, so the tag latest is pulled"
            case .legacyHubDomain:
                return "index.docker.io is Docker Hub's legacy name; it is the same as docker.io"
            case .tagIgnoredForDigest:
                return "both a tag and a digest are given: the digest is pulled and the tag is ignored"
            case .nameLooksLikeRegistry:
                return "the name looks like a registry host but has no '/', so it is read as a Docker Hub "
                    + "image; add the repository path, e.g. myregistry.io:5000/team/app:v1"
            case .uppercaseHostWithoutDot:
                return "the first part has upper-case letters, so it is read as a registry host, not a "
                    + "Docker Hub namespace; Docker Hub namespaces are lower-case"
            }
        }
    }

    /// A parsed reference together with what the parser assumed to normalise it.
    public struct Interpretation: Hashable, Sendable {
        /// The text as given.
        public let input: String
        /// The normalised reference.
        public let reference: ImageReference
        /// What was assumed, in a stable order.
        public let notes: [Note]
    }
}
