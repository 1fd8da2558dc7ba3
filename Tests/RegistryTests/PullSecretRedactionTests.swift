import Foundation
import Testing
@testable import Registry

/// No public type that carries credentials prints them, however it is printed.
struct PullSecretRedactionTests {
    static let planted = [SecretFixture.password, SecretFixture.token, SecretFixture.registryToken, SecretFixture.username,
                          SecretFixture.auth()]

    /// Every way Swift turns a value into text.
    static func renderings(_ value: Any) -> [String] {
        var dumped = ""
        dump(value, to: &dumped)
        var mirrored = ""
        for child in Mirror(reflecting: value).children { mirrored += "\(child.label ?? ""): \(child.value)\n" }
        return [String(describing: value), "\(value)", String(reflecting: value), dumped, mirrored]
    }

    static func expectNoCredential(_ value: Any, sourceLocation: SourceLocation = #_sourceLocation) {
        for text in renderings(value) {
            for secret in planted {
                #expect(!text.contains(secret), "\(type(of: value)) leaked a credential", sourceLocation: sourceLocation)
            }
        }
    }

    static func fullSecret() throws -> PullSecret {
        let json = """
            {"auths": {
              "myreg.io": {"auth": "\(SecretFixture.auth())"},
              "ghcr.io": {"username": "\(SecretFixture.username)", "password": "\(SecretFixture.password)"},
              "quay.io": {"identitytoken": "\(SecretFixture.token)"},
              "gcr.io": {"registrytoken": "\(SecretFixture.registryToken)"},
              "empty.io": {}
            }}
            """
        return try PullSecret(name: "regcred", type: PullSecretType.dockerConfigJSON.rawValue, data: SecretFixture.data(json))
    }

    @Test func theFixtureReallyHoldsTheCredentials() throws {
        let secret = try Self.fullSecret()
        let byKey = Dictionary(uniqueKeysWithValues: secret.entries.map { ($0.key.raw, $0.credentials) })
        #expect(byKey["myreg.io"]?.password?.reveal() == SecretFixture.password)
        #expect(byKey["ghcr.io"]?.username == SecretFixture.username)
        #expect(byKey["quay.io"]?.identityToken?.reveal() == SecretFixture.token)
        #expect(byKey["gcr.io"]?.registryToken?.reveal() == SecretFixture.registryToken)
    }

    @Test func parsedValuesNeverPrintCredentials() throws {
        let secret = try Self.fullSecret()
        Self.expectNoCredential(secret)
        Self.expectNoCredential(secret.problems)
        for entry in secret.entries {
            Self.expectNoCredential(entry)
            Self.expectNoCredential(entry.credentials)
            Self.expectNoCredential(entry.credentials.password as Any)
            Self.expectNoCredential(entry.credentials.identityToken as Any)
            Self.expectNoCredential(entry.key)
        }
        Self.expectNoCredential(RedactedString(SecretFixture.password))
        Self.expectNoCredential(Result<PullSecret, PullSecretError>.success(secret))
    }

    @Test func matchResultsNeverPrintCredentials() throws {
        let matcher = PullSecretMatcher(secrets: [try Self.fullSecret()])
        for image in ["myreg.io/app", "ghcr.io/org/app", "quay.io/a/b", "gcr.io/p/i", "nginx"] {
            let match = matcher.match(try ImageReference(parsing: image))
            Self.expectNoCredential(match)
            for candidate in match.candidates { Self.expectNoCredential(candidate) }
            if let mismatch = match.mismatch { Self.expectNoCredential(mismatch) }
        }
    }

    @Test func errorsNeverPrintCredentials() throws {
        let documents = [
            // Not JSON, with the credentials in the broken text.
            #"{"auths": {"myreg.io": {"password": "\#(SecretFixture.password)" "#,
            // auth decoding to the bare password.
            #"{"auths": {"myreg.io": {"auth": "\#(SecretFixture.base64(SecretFixture.token))"}}}"#,
            // A credential of the wrong type next to a real one.
            #"{"auths": {"myreg.io": {"username": "\#(SecretFixture.username)", "password": ["\#(SecretFixture.password)"]}}}"#,
            // Legacy layout under the new type.
            #"{"\#(SecretFixture.username)": {"auth": "\#(SecretFixture.auth())"}}"#,
        ]
        for document in documents {
            let error = try #require(throws: PullSecretError.self) {
                try PullSecret(name: "regcred", type: PullSecretType.dockerConfigJSON.rawValue, data: SecretFixture.data(document))
            }
            Self.expectNoCredential(error)
            Self.expectNoCredential(PullSecretMatcher(outcomes: [.failure(error)]).match(try ImageReference(parsing: "myreg.io/a")))
        }
    }

    @Test(arguments: [("alice-the-admin", "al***"), ("bob", "b***"), ("al", "a***"), ("a", "***")])
    func usernamesAreMasked(name: String, masked: String) {
        let credentials = RegistryCredentials(username: name, password: "pw", source: .usernamePassword)
        #expect(credentials.maskedUsername == masked)
        #expect(credentials.description == "basic(user \(masked))")
    }

    @Test func redactedStringShowsOnlyAPlaceholder() {
        let value = RedactedString(SecretFixture.password)
        #expect("\(value)" == "<redacted>")
        #expect(String(reflecting: value) == "<redacted>")
        #expect(Mirror(reflecting: value).children.isEmpty)
        #expect(value.reveal() == SecretFixture.password)
    }
}
