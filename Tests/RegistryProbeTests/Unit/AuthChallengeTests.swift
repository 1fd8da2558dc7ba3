@testable import Registry
import Testing

@Suite struct AuthChallengeTests {
    @Test func tokenSpecExample() throws {
        // The example challenge of the registry token spec (docs.docker.com/reference/api/registry/auth/).
        let header = #"Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:samalba/my-app:pull,push""#
        let challenge = try #require(AuthChallenge.parse(header).first)
        #expect(challenge.scheme == "bearer")
        #expect(challenge.realm == "https://auth.docker.io/token")
        #expect(challenge.service == "registry.docker.io")
        // The comma inside the quoted scope does not split it.
        #expect(challenge.scope == "repository:samalba/my-app:pull,push")
        #expect(AuthChallenge.parse(header).count == 1)
    }

    @Test func distributionHtpasswdChallenge() {
        // As docker-registry 2.8.2 with htpasswd auth sends it (seen on this machine).
        #expect(AuthChallenge.parse(#"Basic realm="pulldoctor-test""#)
            == [AuthChallenge(scheme: "basic", parameters: ["realm": "pulldoctor-test"])])
    }

    @Test func spacingCaseAndEscapes() throws {
        let header = #"BEARER  Realm = "https://a.example/t\"x" , SERVICE=reg.example,error="insufficient_scope""#
        let challenge = try #require(AuthChallenge.parse(header).first)
        #expect(challenge.scheme == "bearer")
        #expect(challenge.realm == #"https://a.example/t"x"#)
        #expect(challenge.service == "reg.example")
        #expect(challenge.error == "insufficient_scope")
    }

    @Test func severalChallengesInOneHeader() {
        let challenges = AuthChallenge.parse(#"Basic realm="r1", Bearer realm="https://t.example/token",service="s""#)
        #expect(challenges.map(\.scheme) == ["basic", "bearer"])
        #expect(challenges.last?.service == "s")
    }

    @Test func token68AndBareSchemes() {
        let challenges = AuthChallenge.parse("Negotiate abc123==, Basic")
        #expect(challenges.map(\.scheme) == ["negotiate", "basic"])
        #expect(challenges.allSatisfy { $0.parameters.isEmpty })
    }

    @Test func unquotedURLRealm() {
        let challenge = AuthChallenge.parse("Bearer realm=https://t.example/token?a=b,service=s").first
        #expect(challenge?.realm == "https://t.example/token?a=b")
        #expect(challenge?.service == "s")
    }

    @Test(arguments: ["", "   ", ",,,", "\"quoted\"", "=x"])
    func garbageGivesNoChallengeOrAnEmptyOne(header: String) {
        let challenges = AuthChallenge.parse(header)
        #expect(challenges.allSatisfy { $0.realm == nil })
    }

    @Test func severalHeaders() {
        let headers = [(name: "WWW-Authenticate", value: #"Basic realm="a""#), (name: "Content-Type", value: "x"),
                       (name: "www-authenticate", value: #"Bearer realm="b""#)]
        #expect(AuthChallenge.parse(headers: headers).map(\.realm) == ["a", "b"])
    }
}
