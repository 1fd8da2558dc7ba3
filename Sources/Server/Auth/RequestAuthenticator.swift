import Config
import Foundation
import HTTPTypes
import Redaction

/// Checks a request's `Authorization` header against the configured bearer token or basic-auth pair.
/// Comparisons take the same time wherever the strings differ; nothing secret is logged or returned.
struct RequestAuthenticator {
    let config: WebAuthConfig

    /// nil when the request is authorised; otherwise a reason safe to log and return.
    func check(_ headers: HTTPFields) -> String? {
        guard let header = headers[.authorization], !header.isEmpty else {
            return "missing Authorization header"
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2 else { return "malformed Authorization header" }
        let scheme = parts[0].lowercased()
        let credential = String(parts[1]).trimmingCharacters(in: .whitespaces)
        if let token = config.bearerToken {
            guard scheme == "bearer" else { return "expected a Bearer token" }
            return token.constantTimeEquals(Secret(credential)) ? nil : "wrong bearer token"
        }
        if let basic = config.basicAuth {
            guard scheme == "basic" else { return "expected Basic credentials" }
            guard let decoded = Data(base64Encoded: credential).map({ String(decoding: $0, as: UTF8.self) }),
                  let colon = decoded.firstIndex(of: ":") else {
                return "malformed Basic credentials"
            }
            let user = Secret(String(decoded[..<colon]))
            let password = Secret(String(decoded[decoded.index(after: colon)...]))
            // Evaluate both comparisons so timing does not reveal which one failed.
            let userOK = user.constantTimeEquals(Secret(basic.username))
            let passwordOK = password.constantTimeEquals(basic.password)
            return userOK && passwordOK ? nil : "wrong username or password"
        }
        return nil
    }
}
