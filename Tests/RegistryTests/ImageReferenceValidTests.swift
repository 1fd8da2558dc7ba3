import Testing
@testable import Registry

/// Valid references and the parts they normalise to, after distribution/reference's
/// `ParseNormalizedNamed` + `TagNameOnly` (the seed guide's "correct formats" included).
struct ImageReferenceValidTests {
    struct Row: Sendable, CustomTestStringConvertible {
        let input: String
        let registry: String
        let repository: String
        let tag: String?
        let digest: String?
        var testDescription: String { input }

        init(_ input: String, _ registry: String, _ repository: String, tag: String? = "latest", digest: String? = nil) {
            self.input = input
            self.registry = registry
            self.repository = repository
            self.tag = tag
            self.digest = digest
        }
    }

    static let sha = ReferenceSamples.sha256
    static let rows: [Row] = [
        // Docker Hub short forms.
        Row("nginx", "docker.io", "library/nginx"),
        Row("nginx:1.25", "docker.io", "library/nginx", tag: "1.25"),
        Row("nginx:1.25-alpine", "docker.io", "library/nginx", tag: "1.25-alpine"),
        Row("nginx:latest", "docker.io", "library/nginx"),
        Row("nginx:LATEST", "docker.io", "library/nginx", tag: "LATEST"),
        Row("nginx:_private", "docker.io", "library/nginx", tag: "_private"),
        Row("nginx:1.0.0-rc.1", "docker.io", "library/nginx", tag: "1.0.0-rc.1"),
        Row("nginx:v1_2", "docker.io", "library/nginx", tag: "v1_2"),
        Row("app:1", "docker.io", "library/app", tag: "1"),
        Row("library/nginx", "docker.io", "library/nginx"),
        Row("docker.io/nginx", "docker.io", "library/nginx"),
        Row("docker.io/library/nginx:1.25", "docker.io", "library/nginx", tag: "1.25"),
        Row("docker.io/library/ubuntu:22.04", "docker.io", "library/ubuntu", tag: "22.04"),
        Row("index.docker.io/library/nginx", "docker.io", "library/nginx"),
        Row("index.docker.io/nginx", "docker.io", "library/nginx"),
        Row("bitnami/redis:7.2", "docker.io", "bitnami/redis", tag: "7.2"),
        Row("docker.io/bitnami/redis", "docker.io", "bitnami/redis"),
        Row("a/b/c", "docker.io", "a/b/c"),
        Row("user/my-app.v2_x", "docker.io", "user/my-app.v2_x"),
        Row("0/app", "docker.io", "0/app"),
        // Separators inside path components.
        Row("my_app", "docker.io", "library/my_app"),
        Row("my__app", "docker.io", "library/my__app"),
        Row("my---app", "docker.io", "library/my---app"),
        Row("my.app", "docker.io", "library/my.app"),
        Row("a1-b2.c3_d4__e5", "docker.io", "library/a1-b2.c3_d4__e5"),
        // A single component is never a registry, even when it looks like one.
        Row("myregistry.io", "docker.io", "library/myregistry.io"),
        Row("myregistry.io:5000", "docker.io", "library/myregistry.io", tag: "5000"),
        Row("localhost:5000", "docker.io", "library/localhost", tag: "5000"),
        Row("localhost", "docker.io", "library/localhost"),
        // Private registries (seed guide formats).
        Row("myregistry.io/app:v2.1", "myregistry.io", "app", tag: "v2.1"),
        Row("myregistry.io/app:v2.1-fixed", "myregistry.io", "app", tag: "v2.1-fixed"),
        Row("myregistry.io:5000/team/app:v1.0", "myregistry.io:5000", "team/app", tag: "v1.0"),
        Row("ghcr.io/org/app@\(sha)", "ghcr.io", "org/app", tag: nil, digest: sha),
        Row("ghcr.io/org/app:v1@\(sha)", "ghcr.io", "org/app", tag: "v1", digest: sha),
        Row("registry.k8s.io/pause:3.9", "registry.k8s.io", "pause", tag: "3.9"),
        Row("k8s.gcr.io/pause", "k8s.gcr.io", "pause"),
        Row("gcr.io/google-containers/busybox", "gcr.io", "google-containers/busybox"),
        Row("quay.io/coreos/etcd:v3.5.0", "quay.io", "coreos/etcd", tag: "v3.5.0"),
        Row("public.ecr.aws/nginx/nginx:latest", "public.ecr.aws", "nginx/nginx"),
        Row("123456789012.dkr.ecr.us-east-1.amazonaws.com/team/app:1.0",
            "123456789012.dkr.ecr.us-east-1.amazonaws.com", "team/app", tag: "1.0"),
        Row("myacr.azurecr.io/samples/nginx", "myacr.azurecr.io", "samples/nginx"),
        Row("europe-west1-docker.pkg.dev/proj/repo/img:tag", "europe-west1-docker.pkg.dev", "proj/repo/img", tag: "tag"),
        Row("nvcr.io/nvidia/cuda:12.2.0-runtime-ubuntu22.04", "nvcr.io", "nvidia/cuda", tag: "12.2.0-runtime-ubuntu22.04"),
        Row("mcr.microsoft.com/dotnet/aspnet:8.0", "mcr.microsoft.com", "dotnet/aspnet", tag: "8.0"),
        Row("my-registry.example.com/a/b/c/d:1", "my-registry.example.com", "a/b/c/d", tag: "1"),
        Row("sub.domain.example.com:8443/x/y", "sub.domain.example.com:8443", "x/y"),
        Row("example.com/app-name:tag", "example.com", "app-name", tag: "tag"),
        Row("a.b/c", "a.b", "c"),
        Row("a-b.c-d.io/x", "a-b.c-d.io", "x"),
        Row("xn--80ak6aa92e.com/app", "xn--80ak6aa92e.com", "app"),
        Row("registry-1.docker.io/library/nginx", "registry-1.docker.io", "library/nginx"),
        // Registries without a dot: localhost, a port, or upper case.
        Row("localhost/app", "localhost", "app"),
        Row("localhost:5000/app:dev", "localhost:5000", "app", tag: "dev"),
        Row("localhost:5000/a/b:c@\(sha)", "localhost:5000", "a/b", tag: "c", digest: sha),
        Row("myhost:5000/app", "myhost:5000", "app"),
        Row("MyRegistry.io/app", "MyRegistry.io", "app"),
        Row("Foo/bar", "Foo", "bar"),
        // IP addresses and ports.
        Row("127.0.0.1:5000/app", "127.0.0.1:5000", "app"),
        Row("10.0.0.1/app", "10.0.0.1", "app"),
        Row("[::1]:5000/app:v1", "[::1]:5000", "app", tag: "v1"),
        Row("[fe80::1]/app", "[fe80::1]", "app"),
        Row("[2001:db8::1]:443/team/app", "[2001:db8::1]:443", "team/app"),
        Row("[::]:80/app", "[::]:80", "app"),
        Row("myreg.io:1/app", "myreg.io:1", "app"),
        Row("myreg.io:65535/app", "myreg.io:65535", "app"),
        // Digests.
        Row("nginx@\(sha)", "docker.io", "library/nginx", tag: nil, digest: sha),
        Row("nginx:1.25@\(sha)", "docker.io", "library/nginx", tag: "1.25", digest: sha),
        Row("app@\(ReferenceSamples.sha384)", "docker.io", "library/app", tag: nil, digest: ReferenceSamples.sha384),
        Row("app@\(ReferenceSamples.sha512)", "docker.io", "library/app", tag: nil, digest: ReferenceSamples.sha512),
        // Limits.
        Row("nginx:\(ReferenceSamples.tag128)", "docker.io", "library/nginx", tag: ReferenceSamples.tag128),
        Row(ReferenceSamples.longestOfficialName, "docker.io", "library/\(ReferenceSamples.longestOfficialName)"),
    ]

    @Test("valid references normalise to the expected parts", arguments: rows)
    func parses(_ row: Row) throws {
        let reference = try ImageReference(parsing: row.input)
        #expect(reference.registry == row.registry)
        #expect(reference.repository == row.repository)
        #expect(reference.tag == row.tag)
        #expect(reference.digest == row.digest)
    }

    @Test("the normalised string parses back to the same reference", arguments: rows)
    func normalisedStringIsStable(_ row: Row) throws {
        let reference = try ImageReference(parsing: row.input)
        let again = try ImageReference(parsing: reference.description)
        #expect(again == reference)
        #expect(try ImageReference(parsing: reference.familiarString) == reference)
    }

    @Test func tableIsLarge() {
        #expect(Self.rows.count >= 60)
        #expect(Set(Self.rows.map(\.input)).count == Self.rows.count, "rows must not repeat")
    }
}
