import Testing
@testable import Registry

/// Which entry the kubelet would use for an image, and why none applies when none does.
struct PullSecretMatcherTests {
    struct Hit: Sendable, CustomTestStringConvertible {
        let image: String
        let key: String
        let kind: PullSecretCandidate.Kind
        let kubeletUsesIt: Bool
        var testDescription: String { "\(image) ← \(key)" }

        init(_ image: String, _ key: String, _ kind: PullSecretCandidate.Kind, used: Bool = true) {
            self.image = image
            self.key = key
            self.kind = kind
            self.kubeletUsesIt = used
        }
    }

    static let hits: [Hit] = [
        Hit("myreg.io/app:v1", "myreg.io", .host),
        Hit("myreg.io/app:v1", "https://myreg.io", .host),
        Hit("myreg.io/app:v1", "http://myreg.io/", .host),
        Hit("myreg.io/app:v1", "https://myreg.io/v2/", .host),
        Hit("myreg.io/app:v1", "https://myreg.io/v1/", .host),
        Hit("myreg.io:5000/team/app", "myreg.io:5000", .host),
        Hit("myreg.io:5000/app", "https://myreg.io:5000/v2/", .host),
        Hit("myreg.io/team/app", "myreg.io/team", .pathPrefix),
        Hit("myreg.io/team/sub/app", "https://myreg.io/v2/team", .pathPrefix),
        // The kubelet compares paths as strings: /team also covers /teamwork.
        Hit("myreg.io/teamwork/app", "myreg.io/team", .pathPrefix),
        Hit("registry.example.com/app", "*.example.com", .wildcard),
        Hit("a.b.example.com/app", "*.*.example.com", .wildcard),
        Hit("reg-eu.example.com/app", "reg-*.example.com", .wildcard),
        Hit("myreg.example.com:5000/app", "*.example.com:5000", .wildcard),
        Hit("localhost:5000/app", "localhost:5000", .host),
        Hit("[::1]:5000/app", "[::1]:5000", .host),
        Hit("127.0.0.1:5000/app", "127.0.0.1:5000", .host),
        // Docker Hub under each of its names.
        Hit("nginx", "docker.io", .host),
        Hit("bitnami/redis", "docker.io/bitnami", .pathPrefix),
        Hit("nginx", "https://index.docker.io/v1/", .dockerHubDefault),
        Hit("bitnami/redis:7", "index.docker.io", .dockerHubDefault),
        Hit("docker.io/library/nginx", "https://index.docker.io/v2/", .dockerHubDefault),
        Hit("nginx", "registry-1.docker.io", .dockerHubAlias, used: false),
        Hit("nginx", "https://index.docker.io/v1", .dockerHubAlias, used: false),
        Hit("nginx", "registry.hub.docker.com", .dockerHubAlias, used: false),
        Hit("nginx", "https://registry-1.docker.io/v2/", .dockerHubAlias, used: false),
        Hit("myorg/app", "registry-1.docker.io/myorg", .dockerHubAlias, used: false),
        Hit("index.docker.io/myorg/app", "docker.io", .host),
    ]

    @Test("an entry applies", arguments: hits)
    func matches(_ row: Hit) throws {
        let image = try ImageReference(parsing: row.image)
        let match = PullSecretMatcher(secrets: [try SecretFixture.secret(keys: [row.key])]).match(image)
        let candidate = try #require(match.candidates.first)
        #expect(match.candidates.count == 1)
        #expect(candidate.entry.key.raw == row.key)
        #expect(candidate.kind == row.kind)
        #expect(candidate.kubeletUsesIt == row.kubeletUsesIt)
        #expect((match.used != nil) == row.kubeletUsesIt)
        #expect(match.mismatch == nil)
    }

    struct Miss: Sendable, CustomTestStringConvertible {
        let image: String
        let keys: [String]
        let reason: PullSecretMismatch.Reason
        let closest: [String]
        var testDescription: String { "\(image) ✗ \(keys)" }

        init(_ image: String, _ keys: [String], _ reason: PullSecretMismatch.Reason, closest: [String] = []) {
            self.image = image
            self.keys = keys
            self.reason = reason
            self.closest = closest
        }
    }

    static let misses: [Miss] = [
        Miss("myreg.io/app", ["ghcr.io", "quay.io"], .wrongRegistry),
        Miss("myreg.io/app", ["myreg.io:5000"], .portMismatch, closest: ["myreg.io:5000"]),
        Miss("myreg.io:5000/app", ["myreg.io"], .portMismatch, closest: ["myreg.io"]),
        Miss("myreg.io:5000/app", ["https://myreg.io:5001/v2/", "ghcr.io"], .portMismatch, closest: ["https://myreg.io:5001/v2/"]),
        Miss("myreg.io/other/app", ["myreg.io/team"], .pathMismatch, closest: ["myreg.io/team"]),
        // Without the trailing slash /v2 is a path, not the API prefix, for the kubelet.
        Miss("myreg.io/app", ["https://myreg.io/v2"], .pathMismatch, closest: ["https://myreg.io/v2"]),
        Miss("myreg.io/other/app", ["myreg.io/team", "myreg.io:5000"], .pathMismatch, closest: ["myreg.io/team"]),
        Miss("example.com/app", ["*.example.com"], .wrongRegistry),
        // '?' starts a URL query when the kubelet parses the key, so it is no glob there.
        Miss("reg1.example.com/app", ["reg?.example.com"], .wrongRegistry),
        Miss("a.b.example.com/app", ["*.example.com"], .wrongRegistry),
        Miss("ghcr.io/org/app", ["docker.io", "https://index.docker.io/v1/"], .wrongRegistry),
        Miss("nginx", ["myreg.io", "ghcr.io"], .wrongRegistry),
        Miss("nginx", ["docker.io:443"], .portMismatch, closest: ["docker.io:443"]),
        Miss("myorg/app", ["registry-1.docker.io/otherorg"], .pathMismatch, closest: ["registry-1.docker.io/otherorg"]),
        Miss("myorg/app", ["docker.io/otherorg"], .pathMismatch, closest: ["docker.io/otherorg"]),
        // Hosts compare case-sensitively, like the kubelet's filepath.Match.
        Miss("myreg.io/app", ["MyReg.io"], .wrongRegistry),
        Miss("registry-1.docker.io/library/nginx", ["docker.io"], .wrongRegistry),
    ]

    @Test("no entry applies", arguments: misses)
    func explainsMiss(_ row: Miss) throws {
        let image = try ImageReference(parsing: row.image)
        let match = PullSecretMatcher(secrets: [try SecretFixture.secret(keys: row.keys)]).match(image)
        let mismatch = try #require(match.mismatch)
        #expect(mismatch.reason == row.reason)
        #expect(mismatch.closestKeys == row.closest)
        #expect(mismatch.availableKeys == row.keys.sorted())
        #expect(mismatch.registry == image.registry)
        #expect(match.used == nil)
    }

    @Test func wrongRegistryMessageListsTheHostsItHas() throws {
        let match = PullSecretMatcher(secrets: [try SecretFixture.secret(keys: ["quay.io", "ghcr.io"])])
            .match(try ImageReference(parsing: "myregistry.io/app:v2.1"))
        let message = try #require(match.mismatch?.message)
        #expect(message.contains("entries for ghcr.io, quay.io but none for myregistry.io"))
        #expect(message.contains("--docker-server=myregistry.io"))
    }

    @Test func noSecrets() throws {
        let mismatch = try #require(PullSecretMatcher(secrets: []).match(try ImageReference(parsing: "nginx")).mismatch)
        #expect(mismatch.reason == .noSecrets)
        #expect(mismatch.message.contains("--docker-server=https://index.docker.io/v1/"))
    }

    @Test func noEntries() throws {
        let empty = try PullSecret(name: "empty", type: PullSecretType.dockerConfigJSON.rawValue,
                                   data: SecretFixture.data(#"{"auths":{}}"#))
        let mismatch = try #require(PullSecretMatcher(secrets: [empty]).match(try ImageReference(parsing: "nginx")).mismatch)
        #expect(mismatch.reason == .noEntries)
    }

    @Test func wrongSecretTypeIsReportedWhenItIsAllThereIs() throws {
        let outcome = Result<PullSecret, PullSecretError> { () throws(PullSecretError) in
            try PullSecret(name: "regcred", type: "Opaque", data: SecretFixture.data(SecretFixture.dockerConfigJSON(keys: ["myreg.io"])))
        }
        let mismatch = try #require(PullSecretMatcher(outcomes: [outcome]).match(try ImageReference(parsing: "myreg.io/app")).mismatch)
        #expect(mismatch.reason == .wrongSecretType)
        #expect(mismatch.ignoredSecrets.map(\.reason) == [.wrongSecretType])
        #expect(mismatch.message.contains("kubernetes.io/dockerconfigjson"))
    }

    @Test func malformedSecretIsReportedWhenItIsAllThereIs() throws {
        let outcome = Result<PullSecret, PullSecretError> { () throws(PullSecretError) in
            try PullSecret(name: "regcred", type: PullSecretType.dockerConfigJSON.rawValue, data: SecretFixture.data("nope"))
        }
        let mismatch = try #require(PullSecretMatcher(outcomes: [outcome]).match(try ImageReference(parsing: "myreg.io/app")).mismatch)
        #expect(mismatch.reason == .malformedSecret)
        #expect(mismatch.ignoredSecrets.map(\.reason) == [.notJSON])
    }

    @Test func skippedSecretsAreMentionedBesideARealMiss() throws {
        let bad = Result<PullSecret, PullSecretError> { () throws(PullSecretError) in try PullSecret(name: "opaque", type: "Opaque", data: [:]) }
        let good = Result<PullSecret, PullSecretError> { () throws(PullSecretError) in try SecretFixture.secret("ghcr", keys: ["ghcr.io"]) }
        let mismatch = try #require(PullSecretMatcher(outcomes: [bad, good]).match(try ImageReference(parsing: "myreg.io/app")).mismatch)
        #expect(mismatch.reason == .wrongRegistry)
        #expect(mismatch.message.contains("also skipped: opaque (wrong_secret_type)"))
    }

    @Test func moreSpecificKeysComeFirst() throws {
        let secret = try SecretFixture.secret(keys: ["myreg.io", "myreg.io/team", "*.io", "ghcr.io"])
        let match = PullSecretMatcher(secrets: [secret]).match(try ImageReference(parsing: "myreg.io/team/app"))
        #expect(match.candidates.map(\.entry.key.raw) == ["myreg.io/team", "myreg.io", "*.io"])
        #expect(match.used?.entry.key.raw == "myreg.io/team")
    }

    @Test func sameKeyInTwoSecretsKeepsThePodOrder() throws {
        let first = try SecretFixture.secret("first", keys: ["myreg.io"])
        let second = try SecretFixture.secret("second", keys: ["myreg.io"])
        let match = PullSecretMatcher(secrets: [second, first]).match(try ImageReference(parsing: "myreg.io/app"))
        #expect(match.candidates.map(\.entry.secretName) == ["second", "first"])
    }

    @Test func hubFallbackIsNotUsedWhenDockerIoMatches() throws {
        let secret = try SecretFixture.secret(keys: ["https://index.docker.io/v1/", "docker.io"])
        let match = PullSecretMatcher(secrets: [secret]).match(try ImageReference(parsing: "nginx"))
        #expect(match.candidates.map(\.entry.key.raw) == ["docker.io", "https://index.docker.io/v1/"])
        #expect(match.candidates.map(\.kubeletUsesIt) == [true, false])
        #expect(match.used?.entry.key.raw == "docker.io")
    }

    @Test func emptyEntryStillMatchesAndSaysSo() throws {
        let secret = try PullSecret(name: "s", type: PullSecretType.dockerConfigJSON.rawValue,
                                    data: SecretFixture.data(#"{"auths":{"myreg.io":{}}}"#))
        let used = try #require(PullSecretMatcher(secrets: [secret]).match(try ImageReference(parsing: "myreg.io/app")).used)
        #expect(used.entry.credentials.kind == RegistryCredentials.Kind.none)
    }

    @Test func everyMismatchReasonIsCovered() {
        let tabled = Set(Self.misses.map(\.reason))
        let separate: Set<PullSecretMismatch.Reason> = [.noSecrets, .noEntries, .wrongSecretType, .malformedSecret]
        #expect(tabled.union(separate) == Set(PullSecretMismatch.Reason.allCases))
        let kinds = Set(Self.hits.map(\.kind))
        #expect(kinds == Set(PullSecretCandidate.Kind.allCases))
    }

    @Test(arguments: [
        ("*", "anything", true), ("*", "", true), ("a*c", "abbbc", true), ("a*c", "abd", false),
        ("?b", "ab", true), ("?b", "b", false), ("reg-*", "reg-", true), ("exact", "Exact", false),
    ])
    func glob(pattern: String, text: String, matches: Bool) {
        #expect(PullSecretKey.glob(Array(pattern), matches: Array(text)) == matches)
    }
}
