/// What a message says besides its verdict, for evidence lines, remediation text and JSON.
///
/// Every field is optional: messages are often fragments. Values are copied from the message
/// (never guessed), except ``registryHost`` for short names, which follows Docker's rule
/// (no host part means `docker.io`), and ``registry``, which is derived from the hosts.
public struct MessageFacts: Sendable, Hashable, Codable {
    /// The image reference as the message quotes it (`Failed to pull image "X"`, `docker://X`, ...).
    public var image: String?
    /// The registry host the image comes from (`host[:port]`), or the host the runtime contacted
    /// when the message names no image.
    public var registryHost: String?
    /// Which registry service that is, as far as host names and wording tell.
    public var registry: RegistryFamily = .unknown
    /// The host of the request that failed (the last registry URL: a token service, a blob CDN,
    /// a mirror), when the message shows one.
    public var endpointHost: String?
    /// The mirror the pull went through (`?ns=` URLs, or "pulling from host H" with another host).
    public var mirrorHost: String?
    /// What the failing request was for.
    public var requestKind: RequestKind?
    /// The HTTP status the registry answered, when the message prints it.
    public var httpStatus: Int?
    /// The registry's error code (`MANIFEST_UNKNOWN`, `DENIED`, `TOOMANYREQUESTS`, ...).
    public var registryErrorCode: RegistryErrorCode?
    /// The remote address of a failed dial or read (`172.217.192.82:443`, `[::1]:5000`).
    public var remoteAddress: String?
    /// The name a DNS lookup failed for (`dial tcp: lookup HOST on ...`).
    public var lookupHost: String?
    /// Seconds to wait, when the message carries a Retry-After value.
    public var retryAfterSeconds: Int?
    /// The gRPC code of the CRI error, when the `rpc error:` prefix was there.
    public var grpcCode: GRPCCode?
    /// The kubelet waiting reason named inside the message (`ErrImagePull`, `ImagePullBackOff`, ...).
    public var kubeletReason: KubeletReason?
    /// Whether credentials were sent: containerd fetches an "oauth token" only with credentials
    /// and an "anonymous token" without; the kubelet lists several errors only when it tried
    /// several credentials. Nil when the message does not tell.
    public var credentialsSent: Bool?

    /// No facts.
    public init() {}

    enum CodingKeys: String, CodingKey {
        case image
        case registryHost = "registry_host"
        case registry
        case endpointHost = "endpoint_host"
        case mirrorHost = "mirror_host"
        case requestKind = "request_kind"
        case httpStatus = "http_status"
        case registryErrorCode = "registry_error_code"
        case remoteAddress = "remote_address"
        case lookupHost = "lookup_host"
        case retryAfterSeconds = "retry_after_seconds"
        case grpcCode = "grpc_code"
        case kubeletReason = "kubelet_reason"
        case credentialsSent = "credentials_sent"
    }

    /// The image's repository and tag or digest, for summaries: `"x"` or `the image`.
    var imageForSummary: String { image.map { "\"\($0)\"" } ?? "the image" }

    /// The image for the start of a sentence: `"x"` or `The image`.
    var imageAsSubject: String { image.map { "\"\($0)\"" } ?? "The image" }

    /// The registry host for summaries, or `the registry`.
    var registryForSummary: String { registryHost ?? "the registry" }

    /// The registry host for the start of a sentence, or `The registry`.
    var registryAsSubject: String { registryHost ?? "The registry" }

    /// The host of the failing request (else the registry's) for summaries.
    var endpointForSummary: String { endpointHost ?? registryForSummary }

    /// The host of the failing request (else the registry's) for the start of a sentence.
    var endpointAsSubject: String { endpointHost ?? registryAsSubject }

    /// Whether the reference names a digest (`@sha256:...`).
    var referencesDigest: Bool { image?.utf8.contains(UInt8(ascii: "@")) ?? false }
}
