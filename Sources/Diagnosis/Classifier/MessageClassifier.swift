/// Classifies a container runtime's or kubelet's image-pull error text.
///
/// Input is one message: a container's waiting message (`ErrImagePull`, `ImagePullBackOff`,
/// `InvalidImageName`, ...) or a `Failed` event's message. The verdict is the first rule's that
/// recognises it; when none does, the verdict is `unknown/unrecognized` with low confidence.
/// Pure and thread-safe: no I/O, no shared mutable state, never traps on any input.
public struct MessageClassifier: Sendable {
    private let rules: [any ClassificationRule]
    private let ruleNames: [String]

    /// A classifier with the standard rules.
    public init() {
        self.init(rules: Self.standardRules)
    }

    /// A classifier with `rules`, tried in order.
    public init(rules: [any ClassificationRule]) {
        self.rules = rules
        ruleNames = rules.map { String(describing: type(of: $0)) }
    }

    /// Classifies `text`.
    public func classify(_ text: String) -> Classification {
        classify(NormalizedMessage(text))
    }

    /// Classifies raw bytes (invalid UTF-8 is tolerated).
    public func classify(utf8 buffer: UnsafeBufferPointer<UInt8>) -> Classification {
        classify(NormalizedMessage(utf8: buffer))
    }

    /// Classifies a message that is already normalised.
    public func classify(_ message: NormalizedMessage) -> Classification {
        for (index, rule) in rules.enumerated() {
            if var verdict = rule.evaluate(message) {
                verdict.rule = ruleNames[index]
                verdict.facts = message.facts
                return verdict
            }
        }
        let summary = message.isEmpty
            ? "The message is empty."
            : "PullDoctor does not recognise this message; the cause must come from other evidence."
        return Classification(reason: .unrecognized, confidence: .low, summary: summary, rule: "none",
                              facts: message.facts)
    }

    /// The rules in the order they are tried. Order matters where messages carry several signals:
    /// messages without a cause first, then the kubelet's own verdicts, policy, references, the
    /// node (disk, platform), rate limits, TLS before network (TLS errors also print "failed to do
    /// request"), network before authentication (a token request can time out), authentication
    /// before "not found", and registry errors last.
    public static let standardRules: [any ClassificationRule] = [
        // Messages that carry no cause, and the kubelet's own decisions.
        NoCauseRule(),
        PullQPSRule(),
        NeverPullRule(),
        PullSecretRetrievalRule(),
        // Policy and the reference itself.
        SignaturePolicyRule(),
        AdmissionDeniedRule(),
        ShortNameRule(),
        InvalidReferenceRule(),
        // The node.
        NoSpaceLeftRule(),
        IOErrorRule(),
        PlatformMismatchRule(),
        // Rate limits.
        RegistryRateLimitRule(),
        // TLS.
        HTTPOnHTTPSRule(),
        ExpiredCertificateRule(),
        UnknownAuthorityRule(),
        CertificateNameMismatchRule(),
        ClientCertificateRule(),
        // Network.
        ProxyRule(),
        DialDNSRule(),
        ConnectionRefusedRule(),
        NoRouteToHostRule(),
        ConnectionResetRule(),
        TimeoutRule(),
        RequestCanceledRule(),
        ContextCanceledRule(),
        EOFRule(),
        TLSHandshakeRule(),
        // Answers that are not the registry's own (HTML pages from proxies and WAFs).
        HTMLErrorPageRule(),
        // Authentication and authorisation.
        TokenExpiredRule(),
        NoBasicAuthCredentialsRule(),
        TokenScopeMismatchRule(),
        CredentialsRejectedRule(),
        ArtifactRegistryPermissionRule(),
        InsufficientScopeRule(),
        PullAccessDeniedRule(),
        TokenEndpointRule(),
        AuthStatusRule(),
        NoPermissionRule(),
        DeniedRule(),
        UnauthorizedRule(),
        ManifestErrorListRule(),
        // Content the registry does not have or serves wrongly.
        BlobNotFoundRule(),
        UnexpectedMediaTypeRule(),
        SchemaOneManifestRule(),
        SnapshotterRule(),
        ContainerdNotFoundRule(),
        ManifestUnknownRule(),
        NameUnknownRule(),
        // Registry errors.
        PreconditionFailedRule(),
        BadRequestRule(),
        ServerErrorRule(),
        RegistryUnknownErrorRule(),
        // Last resorts.
        CRIUnimplementedRule(),
        RegistryUnavailableRule(),
    ]
}
