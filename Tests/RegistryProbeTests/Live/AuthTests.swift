import CurlClient
import Foundation
@testable import Registry
import Testing

extension LiveRegistryTests {
    /// HTTP Basic against docker-registry's htpasswd auth, and the token flow against the fake registry.
    @Suite struct Auth {
        static func basic(_ username: String, _ password: String) -> RegistryCredentials {
            RegistryCredentials(username: username, password: password, source: .usernamePassword)
        }

        static func encoded(_ result: ProbeResult) throws -> String {
            String(decoding: try ProbeResult.jsonEncoder().encode(result), as: UTF8.self)
        }

        @Test func basicRegistryWithoutCredentials() async throws {
            let fixture = try #require(LiveFixture.current)
            let result = await fixture.makeProbe().probe(ProbeRequest(image: "\(fixture.basicAuth.host)/team/private:v1"))
            #expect(result.outcome == .authRequired, "\(result.reason)")
            #expect(result.authScheme == "basic")
            #expect(result.httpStatus == 401)
            #expect(result.credentialsUsed == false)
        }

        @Test func basicRegistryRejectsWrongPassword() async throws {
            let fixture = try #require(LiveFixture.current)
            let request = ProbeRequest(image: "\(fixture.basicAuth.host)/team/private:v1",
                                       credentials: Self.basic(LiveFixture.username, "not-the-password"))
            let result = await fixture.makeProbe().probe(request)
            #expect(result.outcome == .credentialsRejected, "\(result.reason)")
            #expect(result.credentialsUsed)
            #expect(result.username == "al***")
            #expect(result.httpStatus == 401)
            let json = try Self.encoded(result)
            #expect(!json.contains("not-the-password"))
            #expect(!json.contains(LiveFixture.username))
        }

        @Test func basicRegistryAcceptsRightPassword() async throws {
            let fixture = try #require(LiveFixture.current)
            let request = ProbeRequest(image: "\(fixture.basicAuth.host)/team/private:v1",
                                       credentials: Self.basic(LiveFixture.username, LiveFixture.password))
            let result = await fixture.makeProbe().probe(request)
            #expect(result.outcome == .ok, "\(result.reason)")
            #expect(result.credentialsUsed)
            #expect(result.credentialKind == "basic")
            #expect(!(try Self.encoded(result)).contains(LiveFixture.password))
        }

        @Test func tokenFlowAnonymousTokenIsNotEnough() async throws {
            let fixture = try #require(LiveFixture.current)
            let result = await fixture.makeProbe().probe(ProbeRequest(image: "\(fixture.fakeHost("token"))/team/anon:v1"))
            #expect(result.outcome == .authRequired, "\(result.reason)")
            #expect(result.authScheme == "bearer")
            #expect(result.httpStatus == 401)
            let query = try await fixture.fakeStats("auth").tokenQueries["repository:team/anon:pull"]
            #expect(query?["service"] == "fake.registry")
            #expect(query?["account"] == nil, "no credentials, no account")
        }

        @Test func tokenFlowWithGoodCredentials() async throws {
            let fixture = try #require(LiveFixture.current)
            let request = ProbeRequest(image: "\(fixture.fakeHost("token"))/team/app:v1",
                                       credentials: Self.basic(LiveFixture.username, LiveFixture.password))
            let result = await fixture.makeProbe().probe(request)
            #expect(result.outcome == .ok, "\(result.reason)")
            #expect(result.credentialsUsed)
            #expect(result.steps.contains { $0.url.hasSuffix("/token") && $0.status == 200 })
            #expect(!(try Self.encoded(result)).contains("tok:team/app"))
            let query = try await fixture.fakeStats("auth").tokenQueries["repository:team/app:pull"]
            #expect(query?["account"] == LiveFixture.username)
        }

        @Test func tokenFlowWithBadCredentials() async throws {
            let fixture = try #require(LiveFixture.current)
            let request = ProbeRequest(image: "\(fixture.fakeHost("token"))/team/bad:v1",
                                       credentials: Self.basic(LiveFixture.username, "wrong"))
            let result = await fixture.makeProbe().probe(request)
            #expect(result.outcome == .credentialsRejected, "\(result.reason)")
            #expect(result.httpStatus == 401)
        }

        @Test func tokenWithoutPullScopeIsDenied() async throws {
            let fixture = try #require(LiveFixture.current)
            let request = ProbeRequest(image: "\(fixture.fakeHost("token"))/team/secret:v1",
                                       credentials: Self.basic(LiveFixture.username, LiveFixture.password))
            let result = await fixture.makeProbe().probe(request)
            #expect(result.outcome == .denied, "\(result.reason)")
            #expect(result.reason.contains("insufficient_scope"))
        }

        @Test(arguments: [("refresh-good", "team/id-good", ProbeOutcome.ok), ("refresh-revoked", "team/id-revoked", .credentialsRejected)])
        func identityTokenUsesTheRefreshGrant(token: String, repository: String, expected: ProbeOutcome) async throws {
            let fixture = try #require(LiveFixture.current)
            let credentials = RegistryCredentials(username: "<token>", password: nil, identityToken: token, source: .usernamePassword)
            let result = await fixture.makeProbe().probe(ProbeRequest(image: "\(fixture.fakeHost("token"))/\(repository):v1",
                                                                      credentials: credentials))
            #expect(result.outcome == expected, "\(result.reason)")
            #expect(result.steps.contains { $0.method == "POST" && $0.url.hasSuffix("/token") })
            #expect(result.credentialKind == "identity_token")
            #expect(!(try Self.encoded(result)).contains(token))
            let form = try await fixture.fakeStats("auth").tokenQueries["repository:\(repository):pull"]
            #expect(form?["grant_type"] == "refresh_token")
            #expect(form?["service"] == "fake.registry")
        }

        @Test func unreachableTokenEndpoint() async throws {
            let fixture = try #require(LiveFixture.current)
            let result = await fixture.makeProbe().probe(ProbeRequest(image: "\(fixture.fakeHost("badrealm"))/team/app:v1"))
            #expect(result.outcome == .tokenEndpointUnreachable, "\(result.reason)")
            #expect(result.transportError == "connection_refused")
            #expect(result.reason.contains(fixture.fakeHost("closed").split(separator: ":").first.map(String.init) ?? "?"))
        }
    }
}
