/// What to probe: an image, optionally a platform it must exist for, optionally the credentials to use.
public struct ProbeRequest: Sendable {
    /// The image as written (parsed by the probe, so an invalid reference becomes a result, not a throw).
    public var image: String
    /// The platform the image must exist for (`linux/arm64`), or `nil` to skip the check.
    public var platform: ImagePlatform?
    /// Credentials from a pull secret, or `nil` to probe anonymously.
    public var credentials: RegistryCredentials?
    /// Overrides ``ProbeOptions/timeout`` for this probe.
    public var timeout: Duration?
    /// Overrides ``ProbeOptions/connectTimeout`` for this probe.
    public var connectTimeout: Duration?

    /// A request for the image as written.
    public init(
        image: String, platform: ImagePlatform? = nil, credentials: RegistryCredentials? = nil,
        timeout: Duration? = nil, connectTimeout: Duration? = nil
    ) {
        self.image = image
        self.platform = platform
        self.credentials = credentials
        self.timeout = timeout
        self.connectTimeout = connectTimeout
    }

    /// A request for an already parsed reference.
    public init(
        reference: ImageReference, platform: ImagePlatform? = nil, credentials: RegistryCredentials? = nil,
        timeout: Duration? = nil, connectTimeout: Duration? = nil
    ) {
        self.init(image: reference.description, platform: platform, credentials: credentials,
                  timeout: timeout, connectTimeout: connectTimeout)
    }

    /// Credentials that can authenticate at all; an entry with nothing in it counts as none.
    var usableCredentials: RegistryCredentials? {
        guard let credentials, credentials.kind != .none else { return nil }
        return credentials
    }
}
