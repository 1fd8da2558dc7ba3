import CurlClient
import Foundation
@testable import Registry
import Testing

/// Probes against real registries (Debian's docker-registry 2.8.2) and the fake one, all on 127.0.0.1.
/// The services start once for all nested suites (see ``LiveRegistriesTrait``).
@Suite(.liveRegistries)
struct LiveRegistryTests {}

extension LiveRegistryTests {
    @Suite struct Manifests {
        @Test func existingTagIsOKOverThePlainHTTPFallback() async throws {
            let fixture = try #require(LiveFixture.current)
            let host = fixture.open.host
            let result = await fixture.makeProbe().probe(ProbeRequest(image: "\(host)/team/app:v1"))
            #expect(result.outcome == .ok, "\(result.reason)")
            #expect(result.httpStatus == 200)
            #expect(result.digest == fixture.appDigest)
            #expect(result.mediaType == ManifestDocument.ociManifest)
            #expect(result.authScheme == "none")
            #expect(result.credentialsUsed == false)
            // Loopback: HTTPS first, then plain HTTP because the registry answered TLS with HTTP.
            #expect(result.endpoint == "http://\(host)")
            #expect(result.steps.first?.url == "https://\(host)/v2/")
            #expect(result.steps.first?.error == "http_on_https")
            #expect(result.steps.map(\.method).suffix(2) == ["GET", "HEAD"])
            #expect(fixture.open.requests("HEAD", "/v2/team/app/manifests/v1") >= 1)
            #expect(result.vantage == "pulldoctor")
        }

        @Test func missingTagListsTagsThatExist() async throws {
            let fixture = try #require(LiveFixture.current)
            let result = await fixture.makeProbe().probe(ProbeRequest(image: "\(fixture.open.host)/team/app:nope"))
            #expect(result.outcome == .tagNotFound, "\(result.reason)")
            #expect(result.httpStatus == 404)
            #expect(result.errorCodes == ["MANIFEST_UNKNOWN"])
            #expect(result.registryMessage == "manifest unknown")
            #expect(Set(result.availableTags ?? []) == ["v1", "multi"])
            // HEAD has no body, so the GET fallback read the error code.
            #expect(result.steps.map(\.method).suffix(3) == ["HEAD", "GET", "GET"])
            #expect(result.steps.last?.url.hasSuffix("/v2/team/app/tags/list") == true)
        }

        @Test func missingRepositoryIsToldApartByTheTagList() async throws {
            let fixture = try #require(LiveFixture.current)
            let result = await fixture.makeProbe().probe(ProbeRequest(image: "\(fixture.open.host)/team/ghost:v1"))
            #expect(result.outcome == .repositoryNotFound, "\(result.reason)")
            // distribution says MANIFEST_UNKNOWN on the manifest URL and NAME_UNKNOWN on the tag list.
            #expect(result.errorCodes == ["MANIFEST_UNKNOWN", "NAME_UNKNOWN"])
            #expect(result.httpStatus == 404)
        }

        @Test func digestReferences() async throws {
            let fixture = try #require(LiveFixture.current)
            let probe = fixture.makeProbe()
            let present = await probe.probe(ProbeRequest(image: "\(fixture.open.host)/team/app@\(fixture.appDigest)"))
            #expect(present.outcome == .ok, "\(present.reason)")
            #expect(present.digest == fixture.appDigest)
            let zeros = "sha256:" + String(repeating: "0", count: 64)
            let missing = await probe.probe(ProbeRequest(image: "\(fixture.open.host)/team/app@\(zeros)"))
            #expect(missing.outcome == .digestNotFound, "\(missing.reason)")
            #expect(missing.reference == zeros)
        }

        @Test func indexWithoutTheWantedPlatform() async throws {
            let fixture = try #require(LiveFixture.current)
            let probe = fixture.makeProbe()
            let image = "\(fixture.open.host)/team/app:multi"
            let arm = await probe.probe(ProbeRequest(image: image, platform: ImagePlatform(parsing: "linux/arm64/v8")))
            #expect(arm.outcome == .platformMissing, "\(arm.reason)")
            #expect(arm.platforms == [ImagePlatform(os: "linux", architecture: "amd64")])
            #expect(arm.platformAvailable == false)
            #expect(arm.mediaType == ManifestDocument.ociIndex)
            #expect(arm.reason.contains("linux/amd64"))

            let amd = await probe.probe(ProbeRequest(image: image, platform: ImagePlatform(parsing: "linux/amd64")))
            #expect(amd.outcome == .ok, "\(amd.reason)")
            #expect(amd.platformAvailable == true)

            let any = await probe.probe(ProbeRequest(image: image))
            #expect(any.outcome == .ok)
            #expect(any.platforms == [ImagePlatform(os: "linux", architecture: "amd64")])
            #expect(any.platformAvailable == nil)
        }

        @Test func singleManifestPlatformComesFromItsConfig() async throws {
            let fixture = try #require(LiveFixture.current)
            let image = "\(fixture.open.host)/team/other:2.0"
            let result = await fixture.makeProbe().probe(ProbeRequest(image: image, platform: ImagePlatform(parsing: "linux/arm64")))
            #expect(result.outcome == .platformMissing, "\(result.reason)")
            #expect(result.platforms == [ImagePlatform(os: "linux", architecture: "amd64")])
            #expect(result.steps.contains { $0.url.contains("/v2/team/other/blobs/sha256:") && $0.status == 200 })
        }

        @Test func invalidReferenceNeverReachesTheNetwork() async throws {
            let fixture = try #require(LiveFixture.current)
            let result = await fixture.makeProbe().probe(ProbeRequest(image: "\(fixture.open.host)/Team/App:v1"))
            #expect(result.outcome == .invalidReference)
            #expect(result.steps.isEmpty)
            #expect(result.registry == nil)
        }
    }

    @Suite struct TLS {
        @Test func untrustedCertificateIsReportedNotSkipped() async throws {
            let fixture = try #require(LiveFixture.current)
            let result = await fixture.makeProbe().probe(ProbeRequest(image: "\(fixture.tls.host)/team/app:v1"))
            #expect(result.outcome == .tlsUnknownAuthority, "\(result.reason)")
            #expect(result.transportError == "tls_unknown_authority")
            // A certificate problem on loopback is a finding: no fallback to plain HTTP.
            #expect(result.steps.count == 1)
            #expect(result.httpStatus == nil)
        }

        @Test func trustedWithTheRegistrysCA() async throws {
            let fixture = try #require(LiveFixture.current)
            let probe = fixture.makeProbe { $0.tlsByHost[fixture.tls.host] = TLSOptions(caFile: fixture.caFile.path) }
            let result = await probe.probe(ProbeRequest(image: "\(fixture.tls.host)/team/app:v1"))
            #expect(result.outcome == .ok, "\(result.reason)")
            #expect(result.endpoint == "https://\(fixture.tls.host)")
        }

        @Test func insecureRegistrySkipsVerification() async throws {
            let fixture = try #require(LiveFixture.current)
            let probe = fixture.makeProbe { $0.insecureRegistries = [fixture.tls.host] }
            let result = await probe.probe(ProbeRequest(image: "\(fixture.tls.host)/team/app:v1"))
            #expect(result.outcome == .ok, "\(result.reason)")
            #expect(result.endpoint == "https://\(fixture.tls.host)")
        }
    }
}
