import Foundation

/// What one registry probe found. `Codable` with snake_case keys that never change; encode it with
/// ``jsonEncoder()`` for dates as ISO 8601 and a stable key order.
///
/// Never contains a password or token: credentials appear only as ``credentialsUsed``, their
/// ``credentialKind`` and a masked ``username``.
public struct ProbeResult: Codable, Sendable, Hashable {
    /// The bounded verdict.
    public var outcome: ProbeOutcome
    /// What happened, for people: names the registry, the repository, the status and the next step.
    public var reason: String
    /// The image as given to the probe.
    public var image: String
    /// The registry as written in the normalised reference (`docker.io`, `myreg:5000`); `nil` when the
    /// reference did not parse.
    public var registry: String?
    /// The repository path (`library/nginx`).
    public var repository: String?
    /// The tag or digest probed.
    public var reference: String?
    /// The base URL that answered (`https://registry-1.docker.io`), or was last tried.
    public var endpoint: String?
    /// The HTTP status that decided the outcome, when there was one.
    public var httpStatus: Int?
    /// The registry's error codes seen (`MANIFEST_UNKNOWN`, `NAME_UNKNOWN`, ...), in order.
    public var errorCodes: [String]
    /// The registry's own message with the deciding error, when it sent one.
    public var registryMessage: String?
    /// The transport error kind when the outcome came from one (`dns`, `tls_unknown_authority`, ...).
    public var transportError: String?
    /// curl's text for that transport error.
    public var transportDetail: String?
    /// The manifest digest (`Docker-Content-Digest`), when the image was found.
    public var digest: String?
    /// The manifest's media type, when the image was found.
    public var mediaType: String?
    /// The platforms the image exists for, when known (an index's list, or an image config's platform).
    public var platforms: [ImagePlatform]
    /// The platform asked for, if any.
    public var wantedPlatform: ImagePlatform?
    /// Whether the wanted platform is among ``platforms``; `nil` when not asked or not known.
    public var platformAvailable: Bool?
    /// Some tags the repository does have (at most 20), when the tag or digest was missing.
    public var availableTags: [String]?
    /// Rate-limit headers seen, if any.
    public var rateLimit: RateLimitInfo?
    /// The authentication scheme the registry asked for: `none`, `basic` or `bearer`.
    public var authScheme: String?
    /// Whether credentials were sent.
    public var credentialsUsed: Bool
    /// The kind of credentials given (`basic`, `identity_token`, `registry_token`), if any were given.
    public var credentialKind: String?
    /// The username given, masked (`al***`).
    public var username: String?
    /// The requests made, in order.
    public var steps: [ProbeStep]
    /// How long the probe took, in seconds (the original probe's time for a cached result).
    public var durationSeconds: Double
    /// When the probe ran.
    public var checkedAt: Date
    /// Whether this result was served from the cache (or shared with a concurrent identical probe).
    public var cached: Bool
    /// Always `pulldoctor`: where the probe ran from.
    public var vantage: String
    /// Why the vantage matters.
    public var vantageNote: String

    /// The value of ``vantage``.
    public static let vantageName = "pulldoctor"
    /// The value of ``vantageNote``.
    public static let vantageExplanation = "This probe ran from PullDoctor's own network position, not from the node "
        + "that pulls the image: the node's DNS, proxy, firewall, registry mirrors and trusted CAs may differ."

    enum CodingKeys: String, CodingKey {
        case outcome, reason, image, registry, repository, reference, endpoint
        case httpStatus = "http_status"
        case errorCodes = "error_codes"
        case registryMessage = "registry_message"
        case transportError = "transport_error"
        case transportDetail = "transport_detail"
        case digest
        case mediaType = "media_type"
        case platforms
        case wantedPlatform = "wanted_platform"
        case platformAvailable = "platform_available"
        case availableTags = "available_tags"
        case rateLimit = "rate_limit"
        case authScheme = "auth_scheme"
        case credentialsUsed = "credentials_used"
        case credentialKind = "credential_kind"
        case username
        case steps
        case durationSeconds = "duration_seconds"
        case checkedAt = "checked_at"
        case cached, vantage
        case vantageNote = "vantage_note"
    }

    /// A result with only the verdict filled in; the probe fills the rest as it learns it.
    public init(outcome: ProbeOutcome, reason: String, image: String, checkedAt: Date = Date()) {
        self.outcome = outcome
        self.reason = reason
        self.image = image
        self.errorCodes = []
        self.platforms = []
        self.credentialsUsed = false
        self.steps = []
        self.durationSeconds = 0
        self.checkedAt = checkedAt
        self.cached = false
        self.vantage = Self.vantageName
        self.vantageNote = Self.vantageExplanation
    }

    /// An encoder for results: ISO 8601 dates, sorted keys (stable output for stores and golden files).
    public static func jsonEncoder(pretty: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// The matching decoder.
    public static func jsonDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
