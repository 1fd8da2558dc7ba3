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
        var name = host.lowercased()
        if let colon = name.lastIndex(of: ":"), !name.hasSuffix("]"), name.firstIndex(of: ":") == colon {
            name = String(name[..<colon])
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

    private static let dockerHubHosts: Set<String> = [
        "docker.io", "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com", "auth.docker.io",
        "production.cloudflare.docker.com", "hub.docker.com",
    ]

    private static func family(ofHostName name: String) -> RegistryFamily {
        if name.isEmpty { return .unknown }
        if dockerHubHosts.contains(name) { return .dockerHub }
        if name == "public.ecr.aws" { return .ecrPublic }
        if name.contains(".dkr.ecr.") && (name.hasSuffix(".amazonaws.com") || name.hasSuffix(".amazonaws.com.cn")) {
            return .ecr
        }
        if name == "gcr.io" || name.hasSuffix(".gcr.io") { return .gcr }
        if name.hasSuffix(".pkg.dev") { return .artifactRegistry }
        if name.hasSuffix(".azurecr.io") || name.hasSuffix(".azurecr.cn") || name.hasSuffix(".azurecr.us") {
            return .acr
        }
        if name == "ghcr.io" || name == "docker.pkg.github.com" { return .ghcr }
        if name == "quay.io" { return .quay }
        if name == "registry.gitlab.com" || name == "gitlab.com" { return .gitlab }
        if name.hasSuffix(".jfrog.io") { return .artifactory }
        if name == "registry.k8s.io" { return .kubernetes }
        if name == "mcr.microsoft.com" { return .mcr }
        return .other
    }
}
