/// Which registry service a host belongs to, as far as its name tells.
///
/// Registries word the same failure differently, and some answer "unauthorized" or "denied" for
/// repositories that do not exist (``hidesMissingRepositories``), so the classifier needs to know
/// whose answer it is reading. Self-hosted products (Harbor, Nexus, a plain `registry:2`) cannot be
/// told apart by name: they are ``other``.
public enum RegistryFamily: String, Sendable, Hashable, Codable, CaseIterable {
    /// Docker Hub (`docker.io`, `registry-1.docker.io`, `auth.docker.io`, ...).
    case dockerHub = "docker_hub"
    /// Amazon ECR private registries (`<account>.dkr.ecr.<region>.amazonaws.com`).
    case ecr
    /// Amazon ECR Public (`public.ecr.aws`).
    case ecrPublic = "ecr_public"
    /// Google Container Registry (`gcr.io`, `k8s.gcr.io`, `mirror.gcr.io`, ...).
    case gcr
    /// Google Artifact Registry (`<region>-docker.pkg.dev`).
    case artifactRegistry = "artifact_registry"
    /// Azure Container Registry (`<name>.azurecr.io`).
    case acr
    /// GitHub Container Registry (`ghcr.io`, and the older `docker.pkg.github.com`).
    case ghcr
    /// Quay (`quay.io`).
    case quay
    /// GitLab's registry (`registry.gitlab.com`).
    case gitlab
    /// JFrog's hosted Artifactory (`<name>.jfrog.io`).
    case artifactory
    /// The Kubernetes project's registry (`registry.k8s.io`).
    case kubernetes = "registry_k8s_io"
    /// Microsoft Artifact Registry (`mcr.microsoft.com`).
    case mcr
    /// A host that is none of the above (self-hosted, mirrors, other services).
    case other
    /// No registry host appears in the message.
    case unknown

    /// Recognises a host name (`host[:port]`, any case).
    public init(host: some StringProtocol) {
        var name = host.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        // Drop a port, but not the colons of a bracketed IPv6 address.
        if name.last != UInt8(ascii: "]"), let colon = name.lastIndex(of: UInt8(ascii: ":")) {
            name.removeSubrange(colon...)
        }
        self = Self.family(ofHostName: name)
    }

    /// Whether this registry answers "unauthorized", "denied" or 403 for repositories that do not
    /// exist, exactly as for private ones, so that such an answer cannot tell the two apart.
    public var hidesMissingRepositories: Bool {
        switch self {
        case .dockerHub, .ghcr, .quay, .gitlab, .gcr: true
        default: false
        }
    }

    private static let dockerHubHosts: [[UInt8]] = [
        "docker.io", "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com", "auth.docker.io",
        "production.cloudflare.docker.com", "hub.docker.com",
    ].map { Array($0.utf8) }

    /// Host names compared as lower-case bytes: this runs for every message.
    private static func family(ofHostName name: [UInt8]) -> RegistryFamily {
        func `is`(_ other: String) -> Bool { name.elementsEqual(other.utf8) }
        func ends(_ suffix: String) -> Bool {
            let suffix = suffix.utf8
            return name.count >= suffix.count && name[(name.count - suffix.count)...].elementsEqual(suffix)
        }
        if name.isEmpty { return .unknown }
        if dockerHubHosts.contains(name) { return .dockerHub }
        if `is`("public.ecr.aws") { return .ecrPublic }
        if ends(".amazonaws.com") || ends(".amazonaws.com.cn") {
            return name.split(separator: UInt8(ascii: ".")).contains { $0.elementsEqual("ecr".utf8) } ? .ecr : .other
        }
        if `is`("gcr.io") || ends(".gcr.io") { return .gcr }
        if ends(".pkg.dev") { return .artifactRegistry }
        if ends(".azurecr.io") || ends(".azurecr.cn") || ends(".azurecr.us") { return .acr }
        if `is`("ghcr.io") || `is`("docker.pkg.github.com") { return .ghcr }
        if `is`("quay.io") { return .quay }
        if `is`("registry.gitlab.com") || `is`("gitlab.com") { return .gitlab }
        if ends(".jfrog.io") { return .artifactory }
        if `is`("registry.k8s.io") { return .kubernetes }
        if `is`("mcr.microsoft.com") { return .mcr }
        return .other
    }
}
