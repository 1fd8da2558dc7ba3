/// The phrases ``FactExtractor`` looks for, prepared once.
struct FactPhrases: Sendable {
    /// Openings followed by a quoted image reference, in the kubelet's and runtimes' wordings:
    /// `Failed to pull image "`, `failed to resolve reference "`, `couldn't parse image name "`,
    /// `Failed to apply default image tag "`, `Container image "`, `failed to get sandbox image "`.
    let quotedImageAnchors = [Phrase("image \""), Phrase("reference \""), Phrase("image name \""), Phrase("image tag \"")]
    let dockerTransport = Phrase("docker://")
    let manifestFor = Phrase("manifest for ")
    let pullAccessDeniedFor = Phrase("pull access denied for ")
    let readingManifest = Phrase("reading manifest ")
    let inWord = Phrase(" in ")

    let schemeSeparator = Phrase("://")
    /// Hosts of documentation links inside messages (Docker's rate-limit page, ACR's aka.ms link).
    let documentationHosts = ["www.docker.com", "docs.docker.com", "aka.ms", "docs.aws.amazon.com", "cloud.google.com"]
        .map(Phrase.init)
    let mirrorNamespace = Phrase("?ns=")
    let mirrorNamespaceLater = Phrase("&ns=")
    let manifestsPath = Phrase("/manifests/")
    let blobPaths = [Phrase("/blobs/"), Phrase("/registry-v2/")]
    let tokenPaths = [Phrase("token"), Phrase("/oauth2/"), Phrase("/jwt/auth"), Phrase("/v2/auth")]
    let authPathStart = Phrase("/auth")
    let tokenHostPrefixes = [Phrase("auth."), Phrase("dockerauth.")]
    let pingPaths = [Phrase("/v2/"), Phrase("/v2"), Phrase("/v0/")]
    let v1Ping = Phrase("/v1/_ping")
    let pullingFromHost = Phrase("pulling from host ")
    let pingingRegistry = [Phrase("pinging container registry "), Phrase("pinging docker registry ")]

    /// Wordings that identify a registry when no host does.
    let familyPhrases: [(Phrase, RegistryFamily)] = [
        (Phrase("access to the requested resource is not authorized"), .quay),
        (Phrase("aka.ms/acr"), .acr),
        (Phrase("artifactregistry."), .artifactRegistry),
        (Phrase("your authorization token has expired"), .ecr),
        (Phrase("aws ecr get-login"), .ecr),
        (Phrase("/artifactory/"), .artifactory),
    ]

    let tokenStep = [
        Phrase("failed to authorize"), Phrase("anonymous token"), Phrase("oauth token"), Phrase("requesting bearer token"),
    ]
    let manifestStep = [Phrase("[manifests "), Phrase("reading manifest"), Phrase("manifest for "), Phrase("manifest unknown")]
    let blobStep = [
        Phrase("pulling image configuration"), Phrase("httpreadseeker"), Phrase("httpreaderseeker"), Phrase("failed to copy"),
        Phrase("[blobs "),
    ]
    let pingStep = [Phrase("pinging"), Phrase("_ping")]

    /// Phrases after which the registry's HTTP status is printed, directly or after the URL and `: `.
    let statusPhrases = [
        Phrase("unexpected status: "), Phrase("unexpected status from "), Phrase("unexpected status code "),
        Phrase("failed with status code ["), Phrase("received unexpected http status: "), Phrase("unexpected http code: "),
        Phrase("invalid status code from registry "), Phrase("error parsing http "),
    ]

    let errorCodes: [(Phrase, RegistryErrorCode)] = [
        (Phrase("manifest unknown"), .manifestUnknown), (Phrase("name unknown"), .nameUnknown),
        (Phrase("blob unknown"), .blobUnknown), (Phrase("toomanyrequests"), .tooManyRequests),
        (Phrase("insufficient_scope"), .insufficientScope), (Phrase(": denied:"), .denied),
        (Phrase(": unauthorized:"), .unauthorized), (Phrase("name invalid"), .nameInvalid),
        (Phrase("manifest invalid"), .manifestInvalid), (Phrase("tag invalid"), .tagInvalid),
    ]
    let unauthorizedAtStart = Phrase("unauthorized:")
    let unauthorizedAtEnd = Phrase(": unauthorized")
    let deniedAtStart = Phrase("denied:")
    let deniedAtEnd = Phrase(": denied")

    let dialTCP = Phrase("dial tcp ")
    let socketOperations = [Phrase("read tcp "), Phrase("write tcp ")]
    let lookup = Phrase(": lookup ")
    let retryAfter = [Phrase("retry-after: "), Phrase("retry-after="), Phrase("retry after ")]

    let kubeletReasons: [(Phrase, KubeletReason)] = KubeletReason.allCases.map { ($0.phrase, $0) }
    let oauthToken = Phrase("failed to fetch oauth token")
    let anonymousToken = Phrase("failed to fetch anonymous token")
    let noBasicAuthCredentials = Phrase("no basic auth credentials")
}
