import Testing
@testable import Diagnosis

/// Each rule on real messages: a corpus entry is named by a distinctive fragment of its message,
/// and the rule that decides it (and the rule's own verdict, run alone) are checked.
@Suite struct RuleTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let rule: any ClassificationRule
        let fragment: String
        let reason: Reason
        var testDescription: String { "\(type(of: rule)) on \(fragment)" }

        init(_ rule: any ClassificationRule, _ fragment: String, _ reason: Reason) {
            self.rule = rule
            self.fragment = fragment
            self.reason = reason
        }
    }

    static let cases: [Case] = [
        Case(NoCauseRule(), "Back-off pulling image \"quay.io/kubecarrier/apiserver:v0.2.0\"", .noCauseInMessage),
        Case(NoCauseRule(), "Error: ErrImagePull", .noCauseInMessage),
        Case(NoCauseRule(), "trying and failing to pull image", .noCauseInMessage),
        Case(PullQPSRule(), "a.b.c/image-0.1", .kubeletPullQPS),
        Case(NeverPullRule(), "error_pages:local", .neverPullNotPresent),
        Case(NeverPullRule(), "Error: ErrImageNeverPull", .neverPullNotPresent),
        Case(PullSecretRetrievalRule(), "(confluent-registry)", .pullSecretMissing),
        Case(SignaturePolicyRule(), "Back-off pulling image \"quay.io/crio/unsigned:latest\"", .signaturePolicy),
        Case(SignaturePolicyRule(), "clusterwide-verify-image-signatures", .signaturePolicy),
        Case(AdmissionDeniedRule(), "policy.sigstore.dev", .admissionDenied),
        Case(AdmissionDeniedRule(), "validate-image-tag", .admissionDenied),
        Case(ShortNameRule(), "returns ambiguous list", .shortNameAmbiguous),
        Case(ShortNameRule(), "kubevirt/virt-controller:v0.3.0", .unqualifiedNoSearchRegistries),
        Case(InvalidReferenceRule(), "rancher/k3s:v1.29.13+k3s1", .invalidFormat),
        Case(InvalidReferenceRule(), "https://harbor.k8s.mybank/release/name:1.1.0", .schemeInReference),
        Case(InvalidReferenceRule(), "repository name must be lowercase", .uppercaseInReference),
        Case(InvalidReferenceRule(), "docker.elastic.co/eck-snapshot", .invisibleCharacters),
        Case(NoSpaceLeftRule(), "libLLVM.so.20.1", .noSpaceLeft),
        Case(NoSpaceLeftRule(), "GetImageBlob365327721", .noSpaceLeft),
        Case(IOErrorRule(), "input/output error", .ioError),
        Case(PlatformMismatchRule(), "fdb-kubernetes-operator:v2.6.0", .noMatchingPlatform),
        Case(PlatformMismatchRule(), "linux/arm/v7", .noMatchingPlatform),
        Case(PlatformMismatchRule(), "architecture arm64, variant v8", .noMatchingPlatform),
        Case(RegistryRateLimitRule(), "docker.io/library/busybox:1.29", .registryRateLimit),
        Case(HTTPOnHTTPSRule(), "109.232.32.194:5000", .httpOnHTTPS),
        Case(ExpiredCertificateRule(), "registry.konstpic.ru", .expiredCertificate),
        Case(UnknownAuthorityRule(), "harbor-001.yh:5000", .unknownAuthority),
        Case(CertificateNameMismatchRule(), "GATEWAY.SPANSERVICES.COM", .nameMismatch),
        Case(ClientCertificateRule(), "rpc error: code = Unknown desc = failed to pull and unpack image \"my-registry:2524", .clientCertificateRequired),
        Case(ProxyRule(), "127.0.0.1:1082", .proxy),
        Case(ProxyRule(), "Server dropped connection", .proxy),
        Case(DialDNSRule(), "lookup registry-1.docker.io on 127.0.0.53:53", .dns),
        Case(DialDNSRule(), "223.5.5.5:53", .dns),
        Case(ConnectionRefusedRule(), "localhost:5000/my-ubuntu", .connectionRefused),
        Case(NoRouteToHostRule(), "172.217.192.82:443: connect: no route to host", .noRouteToHost),
        Case(ConnectionResetRule(), "winlayers.cdn.mscr.io", .connectionReset),
        Case(TimeoutRule(), "code = 4 desc = context deadline exceeded", .timeout),
        Case(TimeoutRule(), "ctr: rpc error: code = DeadlineExceeded", .timeout),
        Case(RequestCanceledRule(), "net/http: request canceled", .pullProgressTimeout),
        Case(ContextCanceledRule(), "idrac_to_kafka:20250428T1620", .contextCanceled),
        Case(EOFRule(), "registry.mgzf.com/devops/jenkins:lts", .eof),
        Case(EOFRule(), "cli-proxy-api-plus", .eof),
        Case(HTMLErrorPageRule(), "<title>403 Forbidden</title>", .htmlErrorPage),
        Case(TokenExpiredRule(), "aws ecr get-login", .tokenExpired),
        Case(TokenExpiredRule(), "registry_alias/repository_name", .tokenExpired),
        Case(NoBasicAuthCredentialsRule(), "nexus3:8083", .authRequired),
        Case(NoBasicAuthCredentialsRule(), "k8s-example/pause@sha256", .authRequired),
        Case(TokenScopeMismatchRule(), "hyperkube-amd64", .tokenScopeMismatch),
        Case(CredentialsRejectedRule(), "User cannot be authenticated", .credentialsRejected),
        Case(CredentialsRejectedRule(), "predict-labels:1.0.0", .credentialsRejected),
        Case(CredentialsRejectedRule(), "Get **********", .credentialsRejected),
        Case(ArtifactRegistryPermissionRule(), "berglas/berglas/berglas:latest", .forbidden),
        Case(ArtifactRegistryPermissionRule(), "(or it may not exist)", .permissionDeniedOrMissing),
        Case(ArtifactRegistryPermissionRule(), "Unauthenticated requests", .anonymousForbidden),
        Case(InsufficientScopeRule(), "error resolving plugin reference", .insufficientScopeAmbiguous),
        Case(PullAccessDeniedRule(), "pull access denied for dagster", .pullAccessDenied),
        Case(PullAccessDeniedRule(), "repository kube-aggregator not found", .pullAccessDenied),
        Case(TokenEndpointRule(), "<registryname>.azurecr.io/main/<imagerepo>:v5.0.0", .authRequired),
        Case(TokenEndpointRule(), "europe-west3-docker.pkg.dev", .anonymousForbidden),
        Case(TokenEndpointRule(), "kagenti-client-registration", .forbidden),
        Case(TokenEndpointRule(), "tektoncd/triggers/github.com", .anonymousTokenDeniedAmbiguous),
        Case(TokenEndpointRule(), "k0sprojects", .accessDeniedAmbiguous),
        Case(AuthStatusRule(), "appmesh-controller:v1.12.5", .authRequired),
        Case(AuthStatusRule(), "gcr.io/maloney-scratch/monolith", .forbidden),
        Case(NoPermissionRule(), "does not have permission for manifest", .forbidden),
        Case(DeniedRule(), "ghcr.io/kthena/downloader", .accessDeniedAmbiguous),
        Case(DeniedRule(), "youtous/mailserver-traefik", .accessDeniedAmbiguous),
        Case(UnauthorizedRule(), "smartsitealfaacr.azurecr.io", .authRequired),
        Case(UnauthorizedRule(), "octarinesec/guardrails-enforcer:20.7\": rpc error: code = Unknown desc = Error response from daemon: unauthorized", .authRequired),
        Case(UnauthorizedRule(), "gcr.io/google-samples/kubernetes-bootcamp:v10\": rpc error: code = Unknown desc = unauthorized", .unauthorizedAmbiguous),
        Case(UnauthorizedRule(), "swri-robotics/bag-database", .unauthorizedAmbiguous),
        Case(UnauthorizedRule(), "Error response from daemon: unauthorized: access to the requested resource", .unauthorizedAmbiguous),
        Case(ManifestErrorListRule(), "repository/nginx@sha256", .pullAccessDenied),
        Case(BlobNotFoundRule(), "prom/pushgateway:v0.9.1", .blobNotFound),
        Case(UnexpectedMediaTypeRule(), "unexpected media type text/html", .unexpectedMediaType),
        Case(SchemaOneManifestRule(), "CONTAINERD_ENABLE_DEPRECATED_PULL_SCHEMA_1_IMAGE", .unsupportedManifest),
        Case(SchemaOneManifestRule(), "munnerz/kube-plex", .unsupportedManifest),
        Case(SnapshotterRule(), "parent snapshot", .snapshotterError),
        Case(SnapshotterRule(), "java-hw-estgz", .snapshotterError),
        Case(ContainerdNotFoundRule(), "bitnami/jenkins:2.516.2-debian-12-r0", .tagNotFound),
        Case(ContainerdNotFoundRule(), "cloudnative-pg/cloudnative-pg:1.20.1", .digestNotFound),
        Case(ManifestUnknownRule(), "kubernetes-bootcamp:v10\": rpc error: code = Unknown desc = Error response from daemon: manifest for", .tagNotFound),
        Case(ManifestUnknownRule(), "quay.io/okd/scos-content@sha256", .digestNotFound),
        Case(PreconditionFailedRule(), "Request Rejected", .preconditionFailed),
        Case(PreconditionFailedRule(), "412 (Precondition Failed)", .preconditionFailed),
        Case(BadRequestRule(), "?ns=docker.io: 400 Bad Request", .badRequest),
        Case(ServerErrorRule(), "127.0.0.1:65001", .serverError),
        Case(ServerErrorRule(), "quay.io/k8scsi/livenessprobe", .serverError),
        Case(RegistryUnknownErrorRule(), "hub/library/busybox not found", .registryUnknownError),
        Case(CRIUnimplementedRule(), "runtime.v1alpha2.ImageService", .criUnimplemented),
        Case(RegistryUnavailableRule(), "unable to ping registry endpoint", .registryUnavailable),
    ]

    let classifier = MessageClassifier()

    @Test(arguments: cases)
    func ruleDecidesItsMessage(_ example: Case) throws {
        let entry = try #require(MessageCorpus.entry(containing: example.fragment),
                                 "no single corpus entry contains \"\(example.fragment)\"")
        let message = NormalizedMessage(entry.message)
        let alone = try #require(example.rule.evaluate(message))
        #expect(alone.reason == example.reason)
        #expect(alone.category == example.reason.category)
        #expect(!alone.summary.isEmpty)
        let verdict = classifier.classify(message)
        #expect(verdict.rule == String(describing: type(of: example.rule)), "decided by \(verdict.rule) instead")
        #expect(verdict.reason == example.reason)
    }

    /// Every standard rule is exercised, by a corpus message above or by a constructed fragment
    /// in ``ConstructedFragmentTests`` (for the two wordings the corpus has no message for).
    @Test func everyRuleIsExercised() {
        let tested = Set(Self.cases.map { String(describing: type(of: $0.rule)) })
            .union(["TLSHandshakeRule", "NameUnknownRule"])
        let standard = MessageClassifier.standardRules.map { String(describing: type(of: $0)) }
        #expect(Set(standard).subtracting(tested).isEmpty, "untested: \(Set(standard).subtracting(tested).sorted())")
        #expect(Set(standard).count == standard.count, "a rule is registered twice")
    }

    /// A rule declines messages that are plainly about something else.
    @Test(arguments: MessageClassifier.standardRules.map { RuleBox(rule: $0) })
    func ruleDeclinesTheUnrelated(_ box: RuleBox) {
        let unrelated = NormalizedMessage("Started container app")
        #expect(box.rule.evaluate(unrelated) == nil)
    }

    struct RuleBox: Sendable, CustomTestStringConvertible {
        let rule: any ClassificationRule
        var testDescription: String { String(describing: type(of: rule)) }
    }
}

/// Wordings the corpus has no real message for. These inputs are constructed fragments, not
/// claimed to be real runtime output: they only show that the rule's phrase is recognised.
@Suite struct ConstructedFragmentTests {
    let classifier = MessageClassifier()

    @Test func nameUnknownIsAMissingRepository() {
        let verdict = classifier.classify("constructed: name unknown: repository name not known to registry")
        #expect(verdict.reason == .repositoryNotFound)
        #expect(verdict.rule == "NameUnknownRule")
        #expect(verdict.facts.registryErrorCode == .nameUnknown)
    }

    @Test func otherTLSFailuresAreHandshakeFailures() {
        let verdict = classifier.classify("constructed: remote error: tls: handshake failure")
        #expect(verdict.reason == .handshakeFailed)
        #expect(verdict.rule == "TLSHandshakeRule")
    }

    @Test func tlsHandshakeTimeoutIsATimeoutNotATLSFailure() {
        #expect(classifier.classify("constructed: net/http: TLS handshake timeout").reason == .timeout)
    }

    @Test func retryAfterIsReadAndReported() {
        let verdict = classifier.classify("constructed: 429 Too Many Requests, Retry-After: 120")
        #expect(verdict.reason == .registryRateLimit)
        #expect(verdict.facts.retryAfterSeconds == 120)
        #expect(verdict.summary.contains("120"))
    }

    @Test func unrecognisedTextIsUnknownWithLowConfidence() {
        let verdict = classifier.classify("constructed: the quick brown fox")
        #expect(verdict.reason == .unrecognized)
        #expect(verdict.confidence == .low)
        #expect(verdict.rule == "none")
    }
}
