import Foundation
@testable import Registry

/// Builds Secret `data` maps the way the API serves them (base64 values), from readable JSON.
enum SecretFixture {
    static let password = "S3cr3t-P@ss:w0rd!"
    static let token = "eyJhbGciOiJSUzI1NiJ9.planted-identity-token"
    static let registryToken = "planted-registry-token-7f3a"
    static let username = "alice-the-admin"

    static func base64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }

    /// `base64(user:password)`, the `auth` field.
    static func auth(_ user: String = username, _ password: String = password) -> String {
        base64("\(user):\(password)")
    }

    /// A `.dockerconfigjson` document with one `auth` entry per key.
    static func dockerConfigJSON(keys: [String]) -> String {
        let entries = keys.map { "\"\($0)\": {\"auth\": \"\(auth())\"}" }
        return "{\"auths\": {\(entries.joined(separator: ", "))}}"
    }

    /// The `data` map of a `kubernetes.io/dockerconfigjson` Secret.
    static func data(_ json: String, key: String = ".dockerconfigjson") -> [String: String] {
        [key: base64(json)]
    }

    /// A parsed `kubernetes.io/dockerconfigjson` Secret holding `keys`.
    static func secret(_ name: String = "regcred", keys: [String]) throws(PullSecretError) -> PullSecret {
        try PullSecret(name: name, type: PullSecretType.dockerConfigJSON.rawValue,
                       data: data(dockerConfigJSON(keys: keys)))
    }
}
