/// What kind of problem keeps an image from being pulled: the coarse verdict, stable across releases.
///
/// The raw values are part of PullDoctor's public vocabulary: they appear in metric labels, JSON,
/// pages and configuration, so they never change. Each ``Reason`` refines exactly one category.
public enum Category: String, Sendable, Hashable, Codable, CaseIterable {
    /// The registry wants credentials it did not get, or rejected the ones it got.
    case registryAuth = "registry_auth"
    /// The registry says the tag, digest or repository does not exist.
    case imageNotFound = "image_not_found"
    /// The registry answered "unauthorized", "denied" or similar in a way it also uses for
    /// repositories that do not exist (Docker Hub, GHCR, Quay, GitLab, GCR): either the name is
    /// wrong or credentials are missing, and the message alone cannot tell which.
    case authOrNotFound = "auth_or_not_found"
    /// The registry could not be reached: DNS, refused or reset connections, timeouts, proxies.
    case network
    /// A TLS problem between the node and the registry: untrusted or expired certificate, wrong
    /// name, HTTP spoken to an HTTPS client, missing client certificate.
    case tls
    /// A pull rate limit: the registry's (HTTP 429, `toomanyrequests`) or the kubelet's own QPS limit.
    case rateLimited = "rate_limited"
    /// The image reference itself cannot be parsed or resolved to one registry.
    case invalidReference = "invalid_reference"
    /// The image exists but has no variant for the node's OS/architecture.
    case platformMismatch = "platform_mismatch"
    /// The node ran out of disk space while pulling or unpacking.
    case diskPressure = "disk_pressure"
    /// `imagePullPolicy: Never` and the image is not on the node.
    case neverPull = "never_pull"
    /// A policy refused the image: signature verification or an admission controller.
    case policyRejected = "policy_rejected"
    /// The registry (or a mirror or proxy in front of it) answered with an error of its own: 5xx,
    /// bad request, a missing blob, a manifest format the runtime refuses.
    case registryError = "registry_error"
    /// Nothing in the message tells the cause (or it is a node-local failure that is none of the above).
    case unknown
}
