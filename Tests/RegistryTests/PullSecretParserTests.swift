import Foundation
import Testing
@testable import Registry

/// Parsing Secret data as the kubelet reads it: every key form, every credential form, and each
/// malformed case with its bounded reason.
struct PullSecretParserTests {
    static let jsonType = PullSecretType.dockerConfigJSON.rawValue
    static let cfgType = PullSecretType.dockercfg.rawValue
    static let auth = SecretFixture.auth()

    struct Good: Sendable, CustomTestStringConvertible {
        let label: String
        let type: String
        let data: [String: String]
        let keys: [String]
        let kind: RegistryCredentials.Kind?
        var testDescription: String { label }
    }

    static func json(_ text: String) -> [String: String] { SecretFixture.data(text) }

    static let good: [Good] = [
        Good(label: "host key", type: jsonType, data: json(#"{"auths":{"myreg.io":{"auth":"\#(auth)"}}}"#),
             keys: ["myreg.io"], kind: .basic),
        Good(label: "host:port key", type: jsonType, data: json(#"{"auths":{"myreg.io:5000":{"auth":"\#(auth)"}}}"#),
             keys: ["myreg.io:5000"], kind: .basic),
        Good(label: "Docker Hub v1 URL key", type: jsonType,
             data: json(#"{"auths":{"https://index.docker.io/v1/":{"auth":"\#(auth)"}}}"#),
             keys: ["https://index.docker.io/v1/"], kind: .basic),
        Good(label: "URL key with port and /v2/", type: jsonType,
             data: json(#"{"auths":{"https://myreg.io:5000/v2/":{"auth":"\#(auth)"}}}"#),
             keys: ["https://myreg.io:5000/v2/"], kind: .basic),
        Good(label: "host/path key", type: jsonType, data: json(#"{"auths":{"myreg.io/team":{"auth":"\#(auth)"}}}"#),
             keys: ["myreg.io/team"], kind: .basic),
        Good(label: "wildcard key", type: jsonType, data: json(#"{"auths":{"*.example.com":{"auth":"\#(auth)"}}}"#),
             keys: ["*.example.com"], kind: .basic),
        Good(label: "username and password fields", type: jsonType,
             data: json(#"{"auths":{"myreg.io":{"username":"bob","password":"pw"}}}"#), keys: ["myreg.io"], kind: .basic),
        Good(label: "identity token", type: jsonType,
             data: json(#"{"auths":{"myreg.io":{"identitytoken":"\#(SecretFixture.token)"}}}"#),
             keys: ["myreg.io"], kind: .identityToken),
        Good(label: "registry token", type: jsonType,
             data: json(#"{"auths":{"myreg.io":{"registrytoken":"\#(SecretFixture.registryToken)"}}}"#),
             keys: ["myreg.io"], kind: .registryToken),
        Good(label: "unknown fields are ignored", type: jsonType,
             data: json(#"{"auths":{"myreg.io":{"auth":"\#(auth)","email":"a@b.c","x":[1]}},"credsStore":"desktop"}"#),
             keys: ["myreg.io"], kind: .basic),
        Good(label: "legacy dockercfg", type: cfgType,
             data: SecretFixture.data(#"{"myreg.io":{"auth":"\#(auth)","email":"a@b.c"}}"#, key: ".dockercfg"),
             keys: ["myreg.io"], kind: .basic),
        Good(label: "several entries are sorted", type: jsonType,
             data: json(#"{"auths":{"quay.io":{"auth":"\#(auth)"},"ghcr.io":{"auth":"\#(auth)"}}}"#),
             keys: ["ghcr.io", "quay.io"], kind: .basic),
        Good(label: "empty auths", type: jsonType, data: json(#"{"auths":{}}"#), keys: [], kind: nil),
        Good(label: "auth wrapped over lines", type: jsonType,
             data: json(#"{"auths":{"myreg.io":{"auth":"\#(auth.prefix(8))\n\#(auth.dropFirst(8))"}}}"#),
             keys: ["myreg.io"], kind: .basic),
        Good(label: "data value wrapped over lines", type: jsonType,
             data: [".dockerconfigjson": String(SecretFixture.base64(#"{"auths":{"myreg.io":{"auth":"\#(auth)"}}}"#)
                .enumerated().map { $0.offset > 0 && $0.offset % 76 == 0 ? "\n\($0.element)" : "\($0.element)" }
                .joined())],
             keys: ["myreg.io"], kind: .basic),
    ]

    @Test("well-formed secrets parse", arguments: good)
    func parses(_ row: Good) throws {
        let secret = try PullSecret(name: "regcred", type: row.type, data: row.data)
        #expect(secret.keys == row.keys)
        #expect(secret.problems.isEmpty)
        if let kind = row.kind { #expect(secret.entries.allSatisfy { $0.credentials.kind == kind }) }
        #expect(secret.entries.allSatisfy { $0.secretName == "regcred" })
    }

    struct Bad: Sendable, CustomTestStringConvertible {
        let label: String
        let type: String
        let data: [String: String]
        let reason: PullSecretError.Reason
        let entry: String?
        var testDescription: String { label }
    }

    static let bad: [Bad] = [
        Bad(label: "Opaque secret", type: "Opaque", data: json(#"{"auths":{}}"#), reason: .wrongSecretType, entry: nil),
        Bad(label: "no type", type: "", data: json(#"{"auths":{}}"#), reason: .wrongSecretType, entry: nil),
        Bad(label: "basic-auth secret", type: "kubernetes.io/basic-auth", data: ["username": "YQ=="],
            reason: .wrongSecretType, entry: nil),
        Bad(label: "key of the other type", type: jsonType, data: SecretFixture.data(#"{"auths":{}}"#, key: ".dockercfg"),
            reason: .missingKey, entry: nil),
        Bad(label: "empty value", type: jsonType, data: [".dockerconfigjson": ""], reason: .missingKey, entry: nil),
        Bad(label: "no data", type: cfgType, data: [:], reason: .missingKey, entry: nil),
        Bad(label: "value is not base64", type: jsonType, data: [".dockerconfigjson": #"{"auths":{}}"#],
            reason: .invalidBase64, entry: nil),
        Bad(label: "not JSON", type: jsonType, data: json("hello"), reason: .notJSON, entry: nil),
        Bad(label: "truncated JSON", type: jsonType, data: json(#"{"auths":{"myreg.io":{"auth":"\#(auth)""#),
            reason: .notJSON, entry: nil),
        Bad(label: "top-level array", type: jsonType, data: json("[]"), reason: .wrongType, entry: nil),
        Bad(label: "dockercfg layout under dockerconfigjson", type: jsonType,
            data: json(#"{"myreg.io":{"auth":"\#(auth)"}}"#), reason: .noAuths, entry: nil),
        Bad(label: "single entry without its registry", type: jsonType,
            data: json(#"{"username":"bob","password":"pw"}"#), reason: .noAuths, entry: nil),
        Bad(label: "empty document", type: jsonType, data: json("{}"), reason: .noAuths, entry: nil),
        Bad(label: "auths is null", type: jsonType, data: json(#"{"auths":null}"#), reason: .noAuths, entry: nil),
        Bad(label: "auths is a string", type: jsonType, data: json(#"{"auths":"myreg.io"}"#), reason: .wrongType, entry: nil),
        Bad(label: "auths is an array", type: jsonType, data: json(#"{"auths":[{"auth":"x"}]}"#), reason: .wrongType,
            entry: nil),
        Bad(label: "entry is a string", type: jsonType, data: json(#"{"auths":{"myreg.io":"\#(auth)"}}"#),
            reason: .wrongType, entry: "myreg.io"),
        Bad(label: "password is a number", type: jsonType,
            data: json(#"{"auths":{"myreg.io":{"username":"bob","password":12345}}}"#), reason: .wrongType, entry: "myreg.io"),
        Bad(label: "auth is an object", type: jsonType, data: json(#"{"auths":{"myreg.io":{"auth":{}}}}"#),
            reason: .wrongType, entry: "myreg.io"),
        Bad(label: "auth is not base64", type: jsonType, data: json(#"{"auths":{"myreg.io":{"auth":"alice:pw!"}}}"#),
            reason: .invalidAuthBase64, entry: "myreg.io"),
        Bad(label: "auth without colon", type: jsonType,
            data: json(#"{"auths":{"myreg.io":{"auth":"\#(SecretFixture.base64(SecretFixture.password.replacingOccurrences(of: ":", with: "")))"}}}"#),
            reason: .authWithoutColon, entry: "myreg.io"),
        Bad(label: "dockerconfigjson document under dockercfg", type: cfgType,
            data: SecretFixture.data(#"{"auths":{"myreg.io":{"auth":"\#(auth)"}}}"#, key: ".dockercfg"),
            reason: .wrongFormatForType, entry: nil),
    ]

    @Test("malformed secrets report the expected reason", arguments: bad)
    func rejects(_ row: Bad) throws {
        let error = try #require(throws: PullSecretError.self) {
            try PullSecret(name: "regcred", type: row.type, data: row.data)
        }
        #expect(error.reason == row.reason)
        #expect(error.entryKey == row.entry)
        #expect(error.secretName == "regcred")
        #expect(error.isFatal)
        #expect(!error.message.isEmpty)
    }

    @Test func everyReasonIsCovered() {
        let covered = Set(Self.bad.map(\.reason)).union([.emptyEntry])
        #expect(covered == Set(PullSecretError.Reason.allCases))
    }

    @Test(arguments: [#"{"auths":{"myreg.io":{}}}"#, #"{"auths":{"myreg.io":null}}"#, #"{"auths":{"myreg.io":{"email":"a@b.c"}}}"#])
    func emptyEntryIsKeptWithAProblem(json: String) throws {
        let secret = try PullSecret(name: "regcred", type: Self.jsonType, data: SecretFixture.data(json))
        #expect(secret.keys == ["myreg.io"])
        #expect(secret.entries[0].credentials.kind == RegistryCredentials.Kind.none)
        #expect(secret.problems.map(\.reason) == [.emptyEntry])
        #expect(secret.problems.first?.isFatal == false)
        #expect(secret.problems.first?.entryKey == "myreg.io")
    }

    @Test func authFieldWinsAndKeepsColonsInThePassword() throws {
        let json = #"{"auths":{"myreg.io":{"auth":"\#(Self.auth)","username":"other","password":"other-pw"}}}"#
        let credentials = try PullSecret(name: "s", type: Self.jsonType, data: SecretFixture.data(json)).entries[0].credentials
        #expect(credentials.username == SecretFixture.username)
        #expect(credentials.password?.reveal() == SecretFixture.password)
        #expect(credentials.source == .authField)
    }

    @Test func separateFieldsAreUsedWithoutAuth() throws {
        let json = #"{"auths":{"myreg.io":{"username":"bob","password":"pw"}}}"#
        let credentials = try PullSecret(name: "s", type: Self.jsonType, data: SecretFixture.data(json)).entries[0].credentials
        #expect(credentials.username == "bob")
        #expect(credentials.password?.reveal() == "pw")
        #expect(credentials.source == .usernamePassword)
    }

    @Test func decodedDataInitReadsTheSameDocument() throws {
        let json = SecretFixture.dockerConfigJSON(keys: ["myreg.io", "https://index.docker.io/v1/"])
        let decoded = try PullSecret(name: "s", type: Self.jsonType, decodedData: [".dockerconfigjson": Data(json.utf8)])
        let encoded = try PullSecret(name: "s", type: Self.jsonType, data: SecretFixture.data(json))
        #expect(decoded == encoded)
        let error = try #require(throws: PullSecretError.self) {
            try PullSecret(name: "s", type: Self.cfgType, decodedData: [".dockerconfigjson": Data(json.utf8)])
        }
        #expect(error.reason == .missingKey)
        #expect(error.message.contains("the secret has .dockerconfigjson"))
    }

    @Test(arguments: [
        ("myreg.io", "myreg.io", nil as String?, ""),
        ("myreg.io:5000", "myreg.io", "5000", ""),
        ("https://index.docker.io/v1/", "index.docker.io", nil, ""),
        ("https://index.docker.io/v1", "index.docker.io", nil, "/v1"),
        ("https://myreg.io:5000/v2/", "myreg.io", "5000", ""),
        ("http://myreg.io/v2/team", "myreg.io", nil, "/team"),
        ("myreg.io/team", "myreg.io", nil, "/team"),
        ("myreg.io/team/", "myreg.io", nil, "/team/"),
        ("https://user@myreg.io/", "myreg.io", nil, ""),
        ("*.example.com", "*.example.com", nil, ""),
        ("[::1]:5000", "[::1]", "5000", ""),
        ("myreg.io:", "myreg.io", nil, ""),
        ("reg?.example.com", "reg", nil, ""),
    ])
    func keyForms(raw: String, hostname: String, port: String?, path: String) {
        let key = PullSecretKey(raw)
        #expect(key.host.hostname == hostname)
        #expect(key.host.port == port)
        #expect(key.path == path)
        #expect(key.raw == raw)
    }
}
