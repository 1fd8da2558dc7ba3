import Testing
@testable import Registry

/// What the normaliser assumes, the short and long forms, and the host to probe.
struct ImageReferenceNoteTests {
    struct Row: Sendable, CustomTestStringConvertible {
        let input: String
        let notes: [ImageReference.Note]
        var testDescription: String { input }
    }

    static let rows: [Row] = [
        Row(input: "nginx", notes: [.registryDefaulted, .libraryPrefixAdded, .tagDefaulted]),
        Row(input: "bitnami/redis:7", notes: [.registryDefaulted]),
        Row(input: "docker.io/nginx:1", notes: [.libraryPrefixAdded]),
        Row(input: "index.docker.io/bitnami/redis:7", notes: [.legacyHubDomain]),
        Row(input: "index.docker.io/nginx:1", notes: [.legacyHubDomain, .libraryPrefixAdded]),
        Row(input: "myregistry.io/app:v1", notes: []),
        Row(input: "myregistry.io/app", notes: [.tagDefaulted]),
        Row(input: "myregistry.io/app:v1@\(ReferenceSamples.sha256)", notes: [.tagIgnoredForDigest]),
        Row(input: "myregistry.io/app@\(ReferenceSamples.sha256)", notes: []),
        Row(input: "myregistry.io", notes: [.registryDefaulted, .libraryPrefixAdded, .nameLooksLikeRegistry, .tagDefaulted]),
        Row(input: "myregistry.io:5000", notes: [.registryDefaulted, .libraryPrefixAdded, .nameLooksLikeRegistry]),
        Row(input: "localhost:5000", notes: [.registryDefaulted, .libraryPrefixAdded, .nameLooksLikeRegistry]),
        Row(input: "MyOrg/app:v1", notes: [.uppercaseHostWithoutDot]),
    ]

    @Test("notes say what was assumed", arguments: rows)
    func notes(_ row: Row) throws {
        #expect(try ImageReference.interpret(row.input).notes == row.notes)
    }

    @Test func everyNoteHasAMessageAndIsCovered() {
        #expect(Set(Self.rows.flatMap(\.notes)) == Set(ImageReference.Note.allCases))
        for note in ImageReference.Note.allCases { #expect(!note.message.isEmpty) }
    }

    @Test(arguments: [
        ("nginx", "docker.io/library/nginx:latest", "nginx:latest", "registry-1.docker.io"),
        ("bitnami/redis:7", "docker.io/bitnami/redis:7", "bitnami/redis:7", "registry-1.docker.io"),
        ("docker.io/library/a/b", "docker.io/library/a/b:latest", "library/a/b:latest", "registry-1.docker.io"),
        ("docker.io/my.org/app", "docker.io/my.org/app:latest", "docker.io/my.org/app:latest", "registry-1.docker.io"),
        ("myregistry.io:5000/team/app:v1", "myregistry.io:5000/team/app:v1", "myregistry.io:5000/team/app:v1",
         "myregistry.io:5000"),
        ("[::1]:5000/app", "[::1]:5000/app:latest", "[::1]:5000/app:latest", "[::1]:5000"),
        ("registry-1.docker.io/library/nginx", "registry-1.docker.io/library/nginx:latest",
         "registry-1.docker.io/library/nginx:latest", "registry-1.docker.io"),
    ])
    func forms(input: String, full: String, familiar: String, apiHost: String) throws {
        let reference = try ImageReference(parsing: input)
        #expect(reference.description == full)
        #expect("\(reference)" == full)
        #expect(reference.familiarString == familiar)
        #expect(reference.apiHost == apiHost)
    }

    @Test func pullReferenceDropsTheTagWhenADigestIsPinned() throws {
        let reference = try ImageReference(parsing: "ghcr.io/org/app:v1@\(ReferenceSamples.sha256)")
        #expect(reference.pullReference == "ghcr.io/org/app@\(ReferenceSamples.sha256)")
        #expect(reference.description == "ghcr.io/org/app:v1@\(ReferenceSamples.sha256)")
        #expect(try ImageReference(parsing: "nginx:1.25").pullReference == "docker.io/library/nginx:1.25")
    }

    @Test func hostSplitsThePort() throws {
        let reference = try ImageReference(parsing: "[2001:db8::1]:443/team/app")
        #expect(reference.host.hostname == "[2001:db8::1]")
        #expect(reference.host.port == "443")
        #expect(try ImageReference(parsing: "myreg.io/app").host.port == nil)
    }
}
