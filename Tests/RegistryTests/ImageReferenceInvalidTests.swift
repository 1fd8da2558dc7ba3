import Testing
@testable import Registry

/// Invalid references and the bounded reason each must report, with the fix suggested where one
/// can be derived. Includes the seed guide's mistakes (scheme in the name, a wrong port, the
/// truncated `sha256:abc123...` digest).
struct ImageReferenceInvalidTests {
    struct Row: Sendable, CustomTestStringConvertible {
        let input: String
        let reason: ImageReferenceError.Reason
        let suggestion: String?
        var testDescription: String { ImageReferenceError.printable(input) }

        init(_ input: String, _ reason: ImageReferenceError.Reason, suggestion: String? = nil) {
            self.input = input
            self.reason = reason
            self.suggestion = suggestion
        }
    }

    static let hex = ReferenceSamples.sha256Hex
    static let rows: [Row] = [
        Row("", .empty),
        // Whitespace, usually pasted.
        Row(" nginx", .whitespace, suggestion: "nginx"),
        Row("nginx ", .whitespace, suggestion: "nginx"),
        Row("nginx\n", .whitespace, suggestion: "nginx"),
        Row("myregistry.io/app:v2.1\t", .whitespace, suggestion: "myregistry.io/app:v2.1"),
        Row("docker pull nginx", .whitespace),
        Row("nginx :1.25", .whitespace),
        // Schemes (seed guide section 6).
        Row("https://myregistry.io/app:v2.1", .schemeInReference, suggestion: "myregistry.io/app:v2.1"),
        Row("http://myregistry.io:5000/app", .schemeInReference, suggestion: "myregistry.io:5000/app"),
        Row("docker://myregistry.io/app:v2.1", .schemeInReference, suggestion: "myregistry.io/app:v2.1"),
        Row("oci://ghcr.io/org/app", .schemeInReference, suggestion: "ghcr.io/org/app"),
        Row("HTTPS://myregistry.io/app", .schemeInReference, suggestion: "myregistry.io/app"),
        Row("https://myregistry.io/", .schemeInReference),
        // Image IDs.
        Row(hex, .identifierOnly),
        // Upper case in the path.
        Row("Nginx", .uppercaseInRepository, suggestion: "nginx"),
        Row("myregistry.io/MyApp", .uppercaseInRepository, suggestion: "myregistry.io/myapp"),
        Row("docker.io/Library/nginx:1.25", .uppercaseInRepository, suggestion: "docker.io/library/nginx:1.25"),
        Row("team/App", .uppercaseInRepository, suggestion: "team/app"),
        // Ports.
        Row("myregistry.io:/app", .invalidPort, suggestion: "myregistry.io/app"),
        Row("myregistry.io:abc/app", .invalidPort),
        Row("myregistry.io:5OOO/app", .invalidPort),
        Row("myregistry.io:70000/app", .invalidPort),
        Row("myregistry.io:0/app", .invalidPort),
        Row("myregistry.io:443:5000/app", .invalidPort),
        Row("[::1]:/app", .invalidPort, suggestion: "[::1]/app"),
        Row("[::1]:99999/app", .invalidPort),
        // Tags.
        Row("nginx:", .emptyTag, suggestion: "nginx"),
        Row("myregistry.io/app:", .emptyTag, suggestion: "myregistry.io/app"),
        Row("nginx:@\(ReferenceSamples.sha256)", .emptyTag, suggestion: "nginx@\(ReferenceSamples.sha256)"),
        Row("nginx:1.25:alpine", .invalidTag, suggestion: "nginx:1.25"),
        Row("myregistry.io/app:v1:v2", .invalidTag),
        Row("nginx:.hidden", .invalidTag),
        Row("nginx:-dash", .invalidTag),
        Row("nginx:v1+build", .invalidTag),
        // "nginx:v1" before a '/' is read as host:port, as distribution/reference does.
        Row("nginx:v1/2", .invalidPort),
        Row("nginx:" + ReferenceSamples.tag128 + "1", .invalidTag),
        // Digests.
        Row("nginx@", .invalidDigest, suggestion: "nginx"),
        Row("nginx@sha256:abc123", .invalidDigest),
        Row("ghcr.io/org/app@sha256:abc123...", .invalidDigest),
        Row("nginx@sha256:" + String(hex.dropLast()), .invalidDigest),
        Row("nginx@sha256:" + hex.uppercased(), .invalidDigest, suggestion: "nginx@sha256:\(hex)"),
        Row("nginx@sha512:" + hex, .invalidDigest),
        Row("nginx@sha256" + hex, .invalidDigest),
        Row("nginx@1sha:" + hex, .invalidDigest),
        Row("nginx@sha256:\(hex)@sha256:\(hex)", .invalidDigest),
        Row("myregistry.io/app@sha256:\(hex):v1", .invalidDigest),
        Row("nginx@md5:" + String(hex.prefix(32)), .unsupportedDigestAlgorithm),
        Row("nginx@sha1:" + String(hex.prefix(40)), .unsupportedDigestAlgorithm),
        Row("nginx@md5:abc", .invalidDigest),
        // Characters.
        Row("nginx!", .invalidCharacter),
        Row("my/app#1", .invalidCharacter),
        Row("myregistry.io/my%20app", .invalidCharacter),
        Row("myregistry.io/app$", .invalidCharacter),
        Row("ngïnx", .invalidCharacter),
        // Registry hosts.
        Row("my_registry.io/app", .invalidDomain),
        Row("-bad.io/app", .invalidDomain),
        Row("bad-.io/app", .invalidDomain),
        Row("a..b.io/app", .invalidDomain),
        Row(".io/app", .invalidDomain),
        Row("[::1/app", .invalidDomain),
        Row("[fe80::1%eth0]:5000/app", .invalidDomain),
        Row("[::1]x/app", .invalidDomain),
        Row("[]:5000/app", .invalidDomain),
        Row(":5000/app", .invalidDomain),
        Row("my registry.io/app", .whitespace),
        // Missing repository.
        Row("myregistry.io/", .missingRepository),
        Row("myregistry.io:5000/", .missingRepository),
        Row("myregistry.io:5000:v1", .missingRepository),
        Row("localhost:5000:v1", .missingRepository),
        Row("@\(ReferenceSamples.sha256)", .missingRepository),
        Row(":latest", .missingRepository),
        // Path structure.
        Row("myregistry.io//app", .emptyPathComponent, suggestion: "myregistry.io/app"),
        Row("/app", .emptyPathComponent, suggestion: "app"),
        Row("team/app/", .emptyPathComponent, suggestion: "team/app"),
        Row("team//app:v1", .emptyPathComponent, suggestion: "team/app:v1"),
        Row("my..app", .invalidPathComponent),
        Row("-app", .invalidPathComponent),
        Row("app-", .invalidPathComponent),
        Row("my___app", .invalidPathComponent),
        Row("my._app", .invalidPathComponent),
        Row(".app", .invalidPathComponent),
        Row("myregistry.io/team/_app", .invalidPathComponent),
        // Length.
        Row("myregistry.io/" + String(repeating: "a", count: 250), .tooLong),
        Row(ReferenceSamples.longestOfficialName + "a", .tooLong),
    ]

    @Test("invalid references report the expected reason", arguments: rows)
    func rejects(_ row: Row) {
        #expect {
            _ = try ImageReference(parsing: row.input)
        } throws: { error in
            guard let error = error as? ImageReferenceError else { return false }
            return error.reason == row.reason && error.input == row.input
        }
    }

    @Test("a suggested fix is the expected one and parses", arguments: rows)
    func suggestion(_ row: Row) throws {
        let error = try #require(throws: ImageReferenceError.self) { try ImageReference(parsing: row.input) }
        #expect(error.suggestion == row.suggestion)
        if let suggestion = error.suggestion {
            #expect((try? ImageReference(parsing: suggestion)) != nil)
            #expect(error.message.hasSuffix("use \(suggestion)"))
        }
        #expect(error.description.contains(error.reason.rawValue))
    }

    @Test func schemeMessageSaysToRemoveIt() throws {
        let error = try #require(throws: ImageReferenceError.self) {
            try ImageReference(parsing: "https://myregistry.io/app:v2.1")
        }
        #expect(error.message == "image references never contain https://; remove the scheme; use myregistry.io/app:v2.1")
    }

    @Test func portMessageNamesThePortAndTheHost() throws {
        let error = try #require(throws: ImageReferenceError.self) {
            try ImageReference(parsing: "myregistry.io:70000/app")
        }
        #expect(error.message.contains("70000"))
        #expect(error.message.contains("outside 1-65535"))
        #expect(error.message.contains("myregistry.io:5000/app"))
    }

    @Test func ipv6PortMessageKeepsTheBrackets() throws {
        let error = try #require(throws: ImageReferenceError.self) { try ImageReference(parsing: "[::1]:99999/app") }
        #expect(error.message.contains("the port 99999 of [::1] is outside 1-65535"))
        #expect(error.message.contains("e.g. [::1]:5000/app"))
    }

    @Test func digestMessageCountsTheHexCharacters() throws {
        let error = try #require(throws: ImageReferenceError.self) {
            try ImageReference(parsing: "ghcr.io/org/app@sha256:abc123")
        }
        #expect(error.message.contains("64 hex characters, this one has 6"))
    }

    @Test func whitespaceMessageShowsTheLineBreak() throws {
        let error = try #require(throws: ImageReferenceError.self) { try ImageReference(parsing: "nginx\n") }
        #expect(error.message.contains("a line break at position 6"))
        #expect(error.description.contains("\"nginx\\n\""))
    }

    @Test func everyReasonIsCovered() {
        let covered = Set(Self.rows.map(\.reason))
        #expect(covered == Set(ImageReferenceError.Reason.allCases))
        #expect(Self.rows.count + ImageReferenceValidTests.rows.count >= 80)
    }
}
