import CurlClient

/// What a registry probe concluded. Bounded: safe as a metric label
/// (`pulldoctor_registry_probes_total{outcome}`) and stable in JSON (the raw values never change).
public enum ProbeOutcome: String, Codable, Sendable, CaseIterable, Hashable {
    /// The manifest exists, the credentials (if any) work and the wanted platform (if any) is there.
    case ok
    /// The repository exists but has no such tag.
    case tagNotFound = "tag_not_found"
    /// The repository exists but has no manifest with that digest.
    case digestNotFound = "digest_not_found"
    /// The registry does not know the repository.
    case repositoryNotFound = "repository_not_found"
    /// The registry wants credentials and none were given (or anonymous access was refused).
    case authRequired = "auth_required"
    /// The registry or its token endpoint refused the credentials that were given.
    case credentialsRejected = "credentials_rejected"
    /// The token endpoint named by the registry's challenge could not be reached.
    case tokenEndpointUnreachable = "token_endpoint_unreachable"
    /// Authenticated, but not allowed to pull this repository (or it does not exist and the registry hides that).
    case denied
    /// The registry (or its token endpoint) answered 429 / `TOOMANYREQUESTS`.
    case rateLimited = "rate_limited"
    /// The image exists, but not for the wanted platform.
    case platformMissing = "platform_missing"
    /// The registry's host name does not resolve (from PullDoctor's network position).
    case dns
    /// Nothing listens at the registry's address.
    case connectionRefused = "connection_refused"
    /// The TCP connection or TLS handshake did not complete in time.
    case connectTimeout = "connect_timeout"
    /// The probe's time budget ran out while waiting for an answer.
    case timeout
    /// The registry's certificate is signed by an authority that is not trusted.
    case tlsUnknownAuthority = "tls_unknown_authority"
    /// The registry's certificate does not name the registry's host.
    case tlsNameMismatch = "tls_name_mismatch"
    /// The registry's certificate has expired or is not yet valid.
    case tlsExpired = "tls_expired"
    /// Any other TLS failure.
    case tlsOther = "tls_other"
    /// The registry speaks plain HTTP where HTTPS was required.
    case httpOnHTTPS = "http_on_https"
    /// The configured proxy failed.
    case proxy
    /// The connection dropped, or the peer answered something that is not HTTP.
    case connectionReset = "connection_reset"
    /// The registry answered with a server error or something the protocol does not allow.
    case registryError = "registry_error"
    /// The image reference does not parse, or the registry rejected the repository name (`NAME_INVALID`).
    case invalidReference = "invalid_reference"
    /// The probe itself failed (a request PullDoctor could not build, a response over the size limit).
    case probeError = "probe_error"

    /// Whether the image could be pulled from PullDoctor's vantage point.
    public var isSuccess: Bool { self == .ok }

    /// One sentence for people: what the outcome means for the pull.
    public var meaning: String {
        switch self {
        case .ok: return "The registry serves this image; a pull from here would find it."
        case .tagNotFound: return "The repository exists, but it has no such tag: the tag is misspelt, not pushed yet, or deleted."
        case .digestNotFound: return "The repository exists, but no manifest has this digest: it was never pushed here, or was deleted."
        case .repositoryNotFound: return "The registry does not know this repository: check the name and the registry."
        case .authRequired: return "The registry requires credentials for this image and none were used; add an image pull secret (some registries also answer this for repositories that do not exist)."
        case .credentialsRejected: return "The registry refused the credentials: wrong username or password, or an expired token."
        case .tokenEndpointUnreachable: return "The registry sends clients to a token endpoint that could not be reached."
        case .denied: return "The registry knows who is asking but does not allow pulling this repository (or hides that it does not exist)."
        case .rateLimited: return "The registry is rate-limiting pulls; wait, authenticate, or use a mirror."
        case .platformMissing: return "The image exists, but not for the wanted platform (OS/architecture)."
        case .dns: return "The registry's host name does not resolve."
        case .connectionRefused: return "Nothing accepts connections at the registry's address and port."
        case .connectTimeout: return "Connecting to the registry timed out: a firewall, a wrong address, or an unreachable network."
        case .timeout: return "The registry did not answer within the probe's time budget."
        case .tlsUnknownAuthority: return "The registry's certificate is signed by an authority that is not trusted here; install its CA."
        case .tlsNameMismatch: return "The registry's certificate is not valid for this host name."
        case .tlsExpired: return "The registry's certificate has expired (or is not valid yet)."
        case .tlsOther: return "The TLS handshake with the registry failed."
        case .httpOnHTTPS: return "The registry speaks plain HTTP; the runtime uses HTTPS unless the registry is configured as insecure."
        case .proxy: return "The HTTP proxy in use failed or refused the connection."
        case .connectionReset: return "The connection to the registry dropped, or something that is not a registry answered."
        case .registryError: return "The registry answered with an error of its own (a server error, or an unexpected answer)."
        case .invalidReference: return "The image reference is not valid, or the registry rejected the repository name."
        case .probeError: return "PullDoctor could not complete the probe itself."
        }
    }

    /// The outcome for a transport failure talking to the registry itself.
    public init(transport kind: TransportError.Kind) {
        switch kind {
        case .dns: self = .dns
        case .connectionRefused: self = .connectionRefused
        case .connectTimeout: self = .connectTimeout
        case .timeout: self = .timeout
        case .tlsUnknownAuthority: self = .tlsUnknownAuthority
        case .tlsNameMismatch: self = .tlsNameMismatch
        case .tlsExpired: self = .tlsExpired
        case .tlsOther: self = .tlsOther
        case .httpOnHTTPS: self = .httpOnHTTPS
        case .proxy: self = .proxy
        case .connectionReset: self = .connectionReset
        case .responseTooLarge, .invalidRequest, .cancelled, .other: self = .probeError
        }
    }
}
