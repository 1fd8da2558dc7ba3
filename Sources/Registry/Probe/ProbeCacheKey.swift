/// What makes two probes the same probe: registry, repository, tag or digest, wanted platform, and
/// the identity of the credentials.
///
/// The credentials enter only as a keyed hash (Swift's `Hasher`, SipHash with a per-process random
/// seed): the key never holds a password or token, and the value means nothing outside this process.
struct ProbeCacheKey: Hashable, Sendable {
    let registry: String
    let repository: String
    let reference: String
    let platform: String?
    let credentialIdentity: Int?

    init(reference: ImageReference, platform: ImagePlatform?, credentials: RegistryCredentials?) {
        self.registry = reference.apiHost.lowercased()
        self.repository = reference.repository
        // The runtime pulls by digest when there is one; the tag is then irrelevant.
        self.reference = reference.digest ?? reference.tag ?? "latest"
        self.platform = platform?.normalized.description
        self.credentialIdentity = Self.identity(of: credentials)
    }

    /// `nil` for no usable credentials, otherwise a keyed hash of all of their parts.
    static func identity(of credentials: RegistryCredentials?) -> Int? {
        guard let credentials, credentials.kind != .none else { return nil }
        var hasher = Hasher()
        hasher.combine(credentials)
        return hasher.finalize()
    }
}
