import Foundation

/// A container image reference, parsed and normalised the way the container runtimes do it
/// (github.com/distribution/reference: `ParseNormalizedNamed` followed by `TagNameOnly`).
///
/// `nginx` becomes `docker.io/library/nginx:latest`; `myregistry.io:5000/team/app@sha256:...`
/// keeps its registry, port and digest. A reference with both a tag and a digest keeps both
/// (the runtime pulls by digest; see ``Note/tagIgnoredForDigest``).
///
/// Parse with ``init(parsing:)`` or, to also learn what was assumed on the user's behalf,
/// ``interpret(_:)``. Errors are ``ImageReferenceError`` values with a bounded reason.
public struct ImageReference: Hashable, Sendable, CustomStringConvertible {
    /// The registry, `host[:port]` as written; Docker Hub is always `docker.io`
    /// (`index.docker.io` is rewritten, as distribution/reference does).
    public let registry: String
    /// The repository path inside the registry, e.g. `library/nginx` or `team/app`.
    public let repository: String
    /// The tag; `latest` when the reference named neither a tag nor a digest.
    public let tag: String?
    /// The digest, `algorithm:hex`, when the reference pinned one.
    public let digest: String?

    /// Builds a reference from already-normalised parts without validating them.
    /// Meant for tests and for values that came out of ``init(parsing:)`` before.
    init(registry: String, repository: String, tag: String?, digest: String?) {
        self.registry = registry
        self.repository = repository
        self.tag = tag
        self.digest = digest
    }

    /// Parses and normalises `text`.
    /// - Throws: ``ImageReferenceError`` naming what is wrong and how to fix it.
    public init(parsing text: String) throws(ImageReferenceError) {
        self = try Self.interpret(text).reference
    }

    /// The registry as a host and optional port.
    public var host: RegistryHost { RegistryHost(registry) }

    /// Whether the image lives on Docker Hub.
    public var isDockerHub: Bool { registry == RegistryHost.dockerHub }

    /// The host to probe for the registry API (`registry-1.docker.io` for Docker Hub).
    public var apiHost: String { host.apiHost }

    /// `registry/repository`, without tag or digest.
    public var name: String { "\(registry)/\(repository)" }

    /// The fully normalised reference: `registry/repository[:tag][@digest]`.
    public var description: String { name + suffix }

    /// The short name people type: `nginx`, `bitnami/redis`, `ghcr.io/org/app`
    /// (Docker Hub's domain and the `library/` namespace of official images removed).
    ///
    /// Unlike distribution's `FamiliarName`, `docker.io/` is kept when dropping it would make the
    /// first component read as a registry (`docker.io/my.org/app`), so the short form always
    /// parses back to the same reference.
    public var familiarName: String {
        guard isDockerHub else { return name }
        let official = "library/"
        if repository.hasPrefix(official) {
            let rest = repository.dropFirst(official.count)
            // Only a single component below library/ is an official image (distribution does the same).
            if !rest.contains("/") { return String(rest) }
        }
        let first = repository.prefix { $0 != "/" }
        let readAsHost = first.contains(".") || first.contains(":") || first == "localhost"
        return readAsHost && repository.contains("/") ? name : repository
    }

    /// The short form with tag and digest: `nginx:1.25`, `ghcr.io/org/app@sha256:...`.
    public var familiarString: String { familiarName + suffix }

    /// The reference the runtime actually pulls: with both a tag and a digest, only the digest
    /// counts (distribution/reference `ParseDockerRef`), so the tag is dropped here.
    public var pullReference: String {
        if let digest { return "\(name)@\(digest)" }
        return description
    }

    private var suffix: String {
        var text = ""
        if let tag { text += ":\(tag)" }
        if let digest { text += "@\(digest)" }
        return text
    }
}
