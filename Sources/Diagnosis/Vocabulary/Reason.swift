/// Why an image cannot be pulled, one level finer than ``Category``.
///
/// A bounded list (safe for metric labels): every reason belongs to exactly one category
/// (``category``), and ``documentation`` describes each one for the README. Most reasons are read
/// from the runtime's error text by the classifier; the ones marked *evidence* are decided from the
/// cluster (pull secrets, node conditions) by the diagnosis that comes after it.
public enum Reason: String, Sendable, Hashable, Codable, CaseIterable {
    // MARK: registry_auth

    /// *Evidence*: the pod has no image pull secret and the registry needs credentials.
    case noPullSecret = "no_pull_secret"
    /// The kubelet could not read a pull secret the pod names (`FailedToRetrieveImagePullSecret`).
    case pullSecretMissing = "pull_secret_missing"
    /// *Evidence*: the pod's pull secrets name other registries than the image's.
    case pullSecretWrongRegistry = "pull_secret_wrong_registry"
    /// *Evidence*: a pull secret cannot be parsed (bad JSON, bad base64, wrong type).
    case pullSecretMalformed = "pull_secret_malformed"
    /// The registry asked for credentials and none were sent (`no basic auth credentials`,
    /// `authentication required`, HTTP 401 on the anonymous token or the manifest).
    case authRequired = "auth_required"
    /// Credentials were sent and the registry refused them (bad password, revoked token, several
    /// pull secrets all rejected).
    case credentialsRejected = "credentials_rejected"
    /// The registry knows who is asking and refuses the pull (HTTP 403, "does not have permission").
    case forbidden
    /// The registry refuses anonymous pulls of this repository (HTTP 403 on the anonymous token).
    case anonymousForbidden = "anonymous_forbidden"
    /// The registry token or cloud credential has expired (ECR's 12-hour tokens).
    case tokenExpired = "token_expired"
    /// The bearer token was issued for another repository than the one requested.
    case tokenScopeMismatch = "token_scope_mismatch"

    // MARK: image_not_found

    /// The repository exists but not this tag.
    case tagNotFound = "tag_not_found"
    /// No manifest with this digest exists (pruned, or a child of an index that was never pushed).
    case digestNotFound = "digest_not_found"
    /// The repository does not exist (`NAME_UNKNOWN`).
    case repositoryNotFound = "repository_not_found"
    /// The registry answered `MANIFEST_UNKNOWN` and the message does not say for which reference.
    case manifestUnknown = "manifest_unknown"

    // MARK: auth_or_not_found

    /// Docker's "pull access denied ... repository does not exist or may require 'docker login'"
    /// (or "does not exist or no pull access", "requested access to the resource is denied").
    case pullAccessDenied = "pull_access_denied"
    /// The token the registry issued does not cover pulling this repository (`insufficient_scope`).
    case insufficientScopeAmbiguous = "insufficient_scope_ambiguous"
    /// `UNAUTHORIZED` from a registry that answers so for missing repositories too (Quay, GHCR, GCR).
    case unauthorizedAmbiguous = "unauthorized_ambiguous"
    /// `DENIED` or HTTP 403 from a registry that answers so for missing repositories too (GHCR, GitLab).
    case accessDeniedAmbiguous = "access_denied_ambiguous"
    /// The anonymous token was refused by a registry that refuses it for missing repositories too.
    case anonymousTokenDeniedAmbiguous = "anonymous_token_denied_ambiguous"
    /// Artifact Registry's "Permission ... denied on resource ... (or it may not exist)".
    case permissionDeniedOrMissing = "permission_denied_or_missing"

    // MARK: network

    /// The registry's host name did not resolve (`no such host`, `server misbehaving`, `Try again`).
    case dns
    /// Nothing listens at the registry's address and port (`connection refused`).
    case connectionRefused = "connection_refused"
    /// The connection was cut (`connection reset by peer`, `broken pipe`).
    case connectionReset = "connection_reset"
    /// No route to the registry's address (`no route to host`, `network is unreachable`).
    case noRouteToHost = "no_route_to_host"
    /// Connecting or reading timed out (`i/o timeout`, `connection timed out`, `deadline exceeded`).
    case timeout
    /// The HTTP(S) proxy failed: unreachable, or it answered the request itself.
    case proxy
    /// The connection closed in the middle of a response (`EOF`, `unexpected EOF`).
    case eof
    /// The pull was cancelled (`context canceled`): containerd's no-progress timeout or the kubelet.
    case contextCanceled = "context_canceled"
    /// The kubelet cancelled a pull that made no progress (`net/http: request canceled`, dockershim).
    case pullProgressTimeout = "pull_progress_timeout"
    /// The runtime reports the registry unreachable without the socket-level detail.
    case registryUnavailable = "registry_unavailable"

    // MARK: tls

    /// The registry's certificate is not signed by a CA the node trusts (self-signed, private CA,
    /// missing intermediate, TLS-intercepting proxy).
    case unknownAuthority = "unknown_authority"
    /// The certificate is valid for other names than the host contacted.
    case nameMismatch = "name_mismatch"
    /// The certificate has expired or is not yet valid (or the node's clock is wrong).
    case expiredCertificate = "expired_certificate"
    /// HTTPS was spoken to a plain-HTTP registry (`server gave HTTP response to HTTPS client`).
    case httpOnHTTPS = "http_on_https"
    /// The registry requires a client certificate (mutual TLS) and none was sent.
    case clientCertificateRequired = "client_certificate_required"
    /// Another TLS or X.509 failure.
    case handshakeFailed = "handshake_failed"

    // MARK: rate_limited

    /// The registry's pull rate limit (HTTP 429, `toomanyrequests`, Docker Hub's pull limit).
    case registryRateLimit = "registry_rate_limit"
    /// The kubelet's own limit (`registryPullQPS`/`registryBurst`): "pull QPS exceeded". No
    /// request reached the registry.
    case kubeletPullQPS = "kubelet_pull_qps"

    // MARK: invalid_reference

    /// The reference does not follow the grammar (`invalid reference format`).
    case invalidFormat = "invalid_format"
    /// The reference starts with `https://`, `http://` or `docker://`.
    case schemeInReference = "scheme_in_reference"
    /// The repository path has upper-case letters.
    case uppercaseInReference = "uppercase_in_reference"
    /// The reference contains invisible or non-ASCII characters (zero-width spaces from copy-paste).
    case invisibleCharacters = "invisible_characters"
    /// CRI-O's short-name mode is enforcing and the short name matches several registries.
    case shortNameAmbiguous = "short_name_ambiguous"
    /// A short name and no unqualified-search registries configured (CRI-O, podman).
    case unqualifiedNoSearchRegistries = "unqualified_no_search_registries"

    // MARK: platform_mismatch

    /// The image index has no manifest for the node's OS/architecture/variant.
    case noMatchingPlatform = "no_matching_platform"

    // MARK: disk_pressure

    /// *Evidence*: the node reports the `DiskPressure` condition.
    case nodeDiskPressure = "node_disk_pressure"
    /// Writing a layer failed with `no space left on device` (or `disk quota exceeded`).
    case noSpaceLeft = "no_space_left"

    // MARK: never_pull

    /// `imagePullPolicy: Never` and the image is not present on the node.
    case neverPullNotPresent = "never_pull_not_present"

    // MARK: policy_rejected

    /// Signature verification failed (CRI-O `policy.json`, sigstore, Kubewarden verify-image).
    case signaturePolicy = "signature_policy"
    /// An admission controller refused the pod (webhook, Kyverno, Gatekeeper).
    case admissionDenied = "admission_denied"

    // MARK: registry_error

    /// The registry (or a proxy or mirror) answered 5xx.
    case serverError = "server_error"
    /// The registry answered 400 Bad Request.
    case badRequest = "bad_request"
    /// The registry answered 412 Precondition Failed (GCR/Artifact Registry "Request Rejected").
    case preconditionFailed = "precondition_failed"
    /// A layer or config blob the manifest names is missing.
    case blobNotFound = "blob_not_found"
    /// The manifest format is refused by the runtime (Docker schema 1).
    case unsupportedManifest = "unsupported_manifest"
    /// Content came back with an unexpected media type (an HTML page served instead of a blob).
    case unexpectedMediaType = "unexpected_media_type"
    /// An HTML page came back instead of a registry error (a proxy, WAF or CDN answered).
    case htmlErrorPage = "html_error_page"
    /// The registry answered its generic `UNKNOWN` error code.
    case registryUnknownError = "registry_unknown_error"

    // MARK: unknown

    /// The message carries no cause: a bare `Back-off pulling image "X"` (before Kubernetes 1.32),
    /// `Error: ErrImagePull`, `Error: ImagePullBackOff`.
    case noCauseInMessage = "no_cause_in_message"
    /// The node's snapshotter failed while unpacking (a local filesystem problem, not the registry).
    case snapshotterError = "snapshotter_error"
    /// A node-local I/O error while writing layers (failing or full disk).
    case ioError = "io_error"
    /// The runtime does not serve the CRI image API the kubelet called (CRI plugin disabled).
    case criUnimplemented = "cri_unimplemented"
    /// No rule recognised the message.
    case unrecognized
}
