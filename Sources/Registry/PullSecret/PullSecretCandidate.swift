import Foundation

/// A pull-secret entry that supplies credentials for an image.
public struct PullSecretCandidate: Hashable, Sendable, CustomStringConvertible {
    /// Why the entry applies.
    public enum Kind: String, Sendable, CaseIterable, Hashable {
        /// The key names the image's host (and port), with no path.
        case host
        /// The key names the host and a path that prefixes the image's repository.
        case pathPrefix = "path_prefix"
        /// The key's host is a glob (`*.example.com`) matching the image's host.
        case wildcard
        /// The key is `index.docker.io` (e.g. `https://index.docker.io/v1/`), which the kubelet uses for
        /// Docker Hub images when no other key matched.
        case dockerHubDefault = "docker_hub_default"
        /// The key is another Docker Hub spelling (`registry-1.docker.io`, `registry.hub.docker.com`,
        /// `https://index.docker.io/v1` without the slash): one registry, but see ``kubeletUsesIt``.
        case dockerHubAlias = "docker_hub_alias"
    }

    /// The entry.
    public let entry: PullSecretEntry
    /// Why it applies.
    public let kind: Kind
    /// Whether the kubelet itself would send these credentials. It is `false` for Docker Hub
    /// aliases the kubelet does not know (pkg/credentialprovider/keyring.go matches only
    /// `docker.io` keys and, as a fallback, the key `index.docker.io`), and for the fallback key
    /// when another key already matched: such an entry means "right registry, but the kubelet
    /// pulls without it" and is worth saying so.
    public let kubeletUsesIt: Bool

    /// Builds a candidate.
    public init(entry: PullSecretEntry, kind: Kind, kubeletUsesIt: Bool) {
        self.entry = entry
        self.kind = kind
        self.kubeletUsesIt = kubeletUsesIt
    }

    /// `regcred["myreg.io"] (host): basic(user al***)`.
    public var description: String {
        let note = kubeletUsesIt ? "" : ", not used by the kubelet"
        return "\(entry.secretName)[\"\(entry.key.raw)\"] (\(kind.rawValue)\(note)): \(entry.credentials)"
    }
}
