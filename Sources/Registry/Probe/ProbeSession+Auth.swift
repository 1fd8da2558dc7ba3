import CurlClient
import Foundation

/// Reaching `/v2/` and authenticating: anonymous, HTTP Basic, or the registry token flow (a `Bearer`
/// challenge names a token endpoint; the client asks it for a token scoped `repository:NAME:pull`,
/// with the credentials if it has any, and sends that token to the registry).
extension ProbeSession {
    /// `GET /v2/`: is a registry there, over which scheme, and what authentication does it want?
    func ping() async throws(ProbeStop) {
        let what = "the /v2/ request"
        var outcome = try await send("GET", endpoint.primaryBase + "/v2/", authorization: .anonymous,
                                     maxBytes: 64 << 10, what: what)
        if case .failure(let error) = outcome, let fallback = endpoint.fallbackBase, endpoint.fallsBack(after: error.kind) {
            base = fallback
            outcome = try await send("GET", fallback + "/v2/", authorization: .anonymous, maxBytes: 64 << 10, what: what)
            if case .failure(let second) = outcome {
                var stop = ProbeStop.transport(second, during: what, budget: budget)
                stop.reason += "; HTTPS failed before that with \(error.kind.rawValue)"
                throw stop
            }
        }
        let response = try outcome.get(what, budget)
        switch response.status {
        case 200..<300:
            result.authScheme = "none"
        case 401:
            try await authenticate(AuthChallenge.parse(headers: response.headers), status: 401)
        default:
            throw classifyFailure(response, what: "\(base)/v2/")
        }
    }

    /// Follows the strongest challenge: Bearer (token flow) before Basic.
    func authenticate(_ challenges: [AuthChallenge], status: Int) async throws(ProbeStop) {
        authenticated = true
        if let bearer = challenges.first(where: { $0.scheme == "bearer" }) {
            try await authenticateBearer(bearer)
        } else if challenges.contains(where: { $0.scheme == "basic" }) {
            try authenticateBasic()
        } else {
            let schemes = challenges.map(\.scheme)
            throw ProbeStop(.registryError, "\(endpoint.host) answered 401 with "
                + (schemes.isEmpty ? "no WWW-Authenticate challenge" : "only unsupported challenges (\(schemes.joined(separator: ", ")))")
                + ", so no client can authenticate", status: status)
        }
    }

    private func authenticateBasic() throws(ProbeStop) {
        result.authScheme = "basic"
        guard let credentials, let username = credentials.username, let password = credentials.password else {
            let given = credentials.map { " (the given credentials are a \($0.kind.rawValue), not a username and password)" } ?? ""
            throw ProbeStop(.authRequired, "\(endpoint.host) requires a username and password (HTTP Basic) to pull "
                + "\(reference.repository) and none were used\(given): add an image pull secret for \(reference.registry)",
                status: 401)
        }
        authorization = .basic(username: username, password: Secret(password.reveal()))
        result.credentialsUsed = true
    }

    private func authenticateBearer(_ challenge: AuthChallenge) async throws(ProbeStop) {
        result.authScheme = "bearer"
        if let token = credentials?.registryToken {
            // docker/cli sends a `registrytoken` as the bearer token itself, without the token endpoint.
            authorization = .bearer(Secret(token.reveal()), withCredentials: true)
            result.credentialsUsed = true
            return
        }
        guard let realm = challenge.realm, var components = URLComponents(string: realm),
              let scheme = components.scheme?.lowercased(), scheme == "https" || scheme == "http",
              let realmHost = components.host, !realmHost.isEmpty else {
            throw ProbeStop(.registryError, "\(endpoint.host) asks for a bearer token but its challenge names no usable "
                + "token endpoint (realm \(challenge.realm.map { "\"\($0)\"" } ?? "missing"))", status: 401)
        }
        let scope = "repository:\(reference.repository):pull"
        var parameters: [(String, String)] = []
        if let service = challenge.service { parameters.append(("service", service)) }
        parameters.append(("scope", scope))
        let what = "the token request"
        let outcome: Result<HTTPResponse, TransportError>
        if let refresh = credentials?.identityToken {
            // OAuth2 refresh-token grant (distribution's token spec, "oauth.md"): a POSTed form.
            let form = parameters + [("grant_type", "refresh_token"), ("refresh_token", refresh.reveal()),
                                     ("client_id", "pulldoctor")]
            outcome = try await send("POST", realm, headers: [("Content-Type", "application/x-www-form-urlencoded")],
                                     body: Array(Self.formEncode(form).utf8), authorization: .anonymous,
                                     maxBytes: 1 << 20, what: what)
            result.credentialsUsed = true
        } else {
            var items = components.queryItems ?? []
            items += parameters.map { URLQueryItem(name: $0.0, value: $0.1) }
            var tokenAuthorization = Authorization.anonymous
            if let credentials, let username = credentials.username, let password = credentials.password {
                items.append(URLQueryItem(name: "account", value: username))
                tokenAuthorization = .basic(username: username, password: Secret(password.reveal()))
                result.credentialsUsed = true
            }
            components.queryItems = items
            outcome = try await send("GET", components.string ?? realm, authorization: tokenAuthorization,
                                     maxBytes: 1 << 20, what: what)
        }
        let response: HTTPResponse
        switch outcome {
        case .success(let answer):
            response = answer
        case .failure(let error):
            throw ProbeStop(.tokenEndpointUnreachable, "\(endpoint.host) sends clients to the token endpoint "
                + "\(realmHost), which could not be reached: \(error.kind.rawValue) (\(error.detail))", transport: error)
        }
        switch response.status {
        case 200..<300:
            guard let token = Self.token(in: response.body) else {
                throw ProbeStop(.registryError, "the token endpoint \(realmHost) answered \(response.status) without a token",
                                status: response.status)
            }
            authorization = .bearer(Secret(token), withCredentials: result.credentialsUsed)
        case 401, 403:
            noteErrors(response)
            if result.credentialsUsed {
                let why = response.status == 401 ? "wrong username or password, or a revoked or expired token"
                    : "wrong or expired credentials, or an account without pull access to \(reference.repository)"
                throw ProbeStop(.credentialsRejected, "the token endpoint \(realmHost) refused the credentials of "
                    + "\(requester) for \(scope) (HTTP \(response.status)): \(why)", status: response.status)
            }
            throw ProbeStop(.authRequired, "the token endpoint \(realmHost) gives no anonymous token for \(scope) "
                + "(HTTP \(response.status)): \(reference.registry) needs credentials", status: response.status)
        default:
            throw classifyFailure(response, what: "the token endpoint \(realmHost)")
        }
    }

    /// The verdict on a 401 after authenticating: what the credentials (or their absence) mean.
    func unauthorized(_ response: HTTPResponse) -> ProbeStop {
        noteErrors(response)
        let challengeError = AuthChallenge.parse(headers: response.headers).compactMap(\.error).first
        let detail = "HTTP 401" + (challengeError.map { ", error=\($0)" } ?? "")
        switch authorization {
        case .basic:
            return ProbeStop(.credentialsRejected, "\(endpoint.host) rejected the username and password of \(requester) "
                + "(\(detail))", status: 401)
        case .bearer(_, true) where credentials?.kind == .registryToken:
            return ProbeStop(.credentialsRejected, "\(endpoint.host) rejected the registry token (\(detail))", status: 401)
        case .bearer(_, true):
            return ProbeStop(.denied, "the token endpoint accepted the credentials of \(requester), but \(endpoint.host) "
                + "does not let them pull \(reference.repository) (\(detail)): the account lacks pull access, or the "
                + "repository does not exist", status: 401)
        case .bearer(_, false), .anonymous:
            return ProbeStop(.authRequired, "\(endpoint.host) requires authentication to pull \(reference.repository) "
                + "and no credentials were used (\(detail)); some registries answer this for repositories that do "
                + "not exist, too", status: 401)
        }
    }

    /// Records the registry's error codes and first message.
    func noteErrors(_ response: HTTPResponse) {
        guard let body = RegistryErrorBody(body: response.body) else { return }
        for code in body.codes where !result.errorCodes.contains(code) { result.errorCodes.append(code) }
        if result.registryMessage == nil { result.registryMessage = body.firstMessage }
    }

    /// `token`, or its OAuth2 alias `access_token` (distribution's token spec accepts either).
    static func token(in body: [UInt8]) -> String? {
        struct TokenResponse: Decodable {
            var token: String?
            var accessToken: String?
            enum CodingKeys: String, CodingKey {
                case token
                case accessToken = "access_token"
            }
        }
        guard let decoded = try? JSONDecoder().decode(TokenResponse.self, from: Data(body)) else { return nil }
        return [decoded.token, decoded.accessToken].compactMap { $0 }.first { !$0.isEmpty }
    }

    /// `application/x-www-form-urlencoded`, every byte outside the unreserved set percent-encoded.
    static func formEncode(_ fields: [(String, String)]) -> String {
        let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        func encode(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text }
        return fields.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
    }
}
