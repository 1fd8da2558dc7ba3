import CurlClient
import Foundation

/// One probe of one image, start to finish: reach `/v2/`, authenticate as the registry asks, check the
/// manifest, check the platform. Used by one task only, for one probe; ``RegistryProbe`` owns caching,
/// coalescing and the per-registry cap.
///
/// Every request gets what is left of the probe's budget as its total timeout, so the probe as a whole
/// never outlives ``deadline``.
final class ProbeSession {
    /// How requests authenticate once the registry has said how.
    enum Authorization {
        case anonymous
        case basic(username: String, password: Secret)
        /// A bearer token, and whether credentials were used to get it.
        case bearer(Secret, withCredentials: Bool)
    }

    let transport: any HTTPTransport
    let options: ProbeOptions
    let reference: ImageReference
    let platform: ImagePlatform?
    let credentials: RegistryCredentials?
    let endpoint: RegistryEndpoint
    let budget: Duration
    let connectTimeout: Duration
    let deadline: ContinuousClock.Instant

    /// The result, filled in as the probe learns things.
    var result: ProbeResult
    /// The base URL that answered `/v2/` (`https://host[:port]`).
    var base: String
    /// How requests authenticate now.
    var authorization: Authorization = .anonymous
    /// Whether the probe already followed a challenge; a second 401 is then a verdict, not a prompt.
    var authenticated = false
    /// Things worth saying in an `ok` reason (a platform that could not be checked, ...).
    var caveats: [String] = []

    init(
        transport: any HTTPTransport, options: ProbeOptions, reference: ImageReference, request: ProbeRequest,
        deadline: ContinuousClock.Instant
    ) {
        self.transport = transport
        self.options = options
        self.reference = reference
        self.platform = request.platform
        self.credentials = request.usableCredentials
        self.endpoint = RegistryEndpoint(reference: reference, insecureRegistries: options.insecureRegistries)
        self.budget = request.timeout ?? options.timeout
        self.connectTimeout = request.connectTimeout ?? options.connectTimeout
        self.deadline = deadline
        self.base = endpoint.primaryBase
        self.result = Self.initialResult(request, reference: reference)
    }

    /// The result before any request: what was asked, never a secret.
    static func initialResult(_ request: ProbeRequest, reference: ImageReference) -> ProbeResult {
        var result = ProbeResult(outcome: .ok, reason: "", image: request.image)
        result.registry = reference.registry
        result.repository = reference.repository
        result.reference = reference.digest ?? reference.tag
        result.wantedPlatform = request.platform
        result.credentialKind = request.credentials.map(\.kind.rawValue)
        result.username = request.credentials?.maskedUsername
        return result
    }

    /// The tag or digest the runtime pulls (the digest wins when both are given).
    var manifestReference: String { reference.digest ?? reference.tag ?? "latest" }

    /// `myreg:5000/team/app:v1`, as people wrote it (normalised).
    var imageName: String { reference.familiarString }

    /// Runs the probe and returns its result; never throws.
    func run() async -> ProbeResult {
        do throws(ProbeStop) {
            try await ping()
            let manifest = try await fetchManifest()
            try await checkPlatform(manifest)
            finish(.ok, reason: okReason(manifest), status: manifest.status)
        } catch {
            finish(error.outcome, reason: error.reason, status: error.status, transport: error.transport)
        }
        return result
    }

    private func finish(_ outcome: ProbeOutcome, reason: String, status: Int?, transport: TransportError? = nil) {
        result.outcome = outcome
        result.reason = reason
        result.httpStatus = status
        result.transportError = transport?.kind.rawValue
        result.transportDetail = transport?.detail
        result.endpoint = base
    }

    private func okReason(_ manifest: FetchedManifest) -> String {
        var text = "\(imageName) exists on \(reference.registry)"
        if let digest = result.digest { text += " (\(manifest.kind.rawValue) \(digest))" }
        if let wanted = platform, result.platformAvailable == true {
            text += "; it has an image for \(wanted)"
        }
        return ([text] + caveats).joined(separator: "; ")
    }

    // MARK: Requests

    /// Sends one request with what is left of the budget. A transport failure comes back as `.failure`
    /// so that each caller decides what it means; only an exhausted budget throws.
    func send(
        _ method: String, _ url: String, headers: [(name: String, value: String)] = [], body: [UInt8]? = nil,
        authorization: Authorization, followRedirects: Bool = false, maxBytes: Int, what: String
    ) async throws(ProbeStop) -> Result<HTTPResponse, TransportError> {
        let remaining = deadline - ContinuousClock.now
        guard remaining > .milliseconds(20) else {
            throw ProbeStop(.timeout, "the probe's budget of \(budget.probeSeconds) ran out before \(what)")
        }
        var request = HTTPRequest(
            method: method, url: url, headers: headers + [("User-Agent", "pulldoctor-registry-probe")], body: body,
            connectTimeout: min(connectTimeout, remaining), timeout: remaining, tls: tls(for: url),
            proxy: options.proxy, followRedirects: followRedirects, maxResponseBytes: maxBytes)
        switch authorization {
        case .anonymous: break
        case .basic(let username, let password): request.basicAuth = (username, password)
        case .bearer(let token, _): request.bearerToken = token
        }
        let started = ContinuousClock.now
        do {
            let response = try await transport.send(request)
            record(method, url, status: response.status, error: nil, since: started)
            if let limits = RateLimitInfo(headers: response.headers) {
                result.rateLimit = result.rateLimit.map { $0.merged(with: limits) } ?? limits
            }
            return .success(response)
        } catch {
            var error = error
            if error.kind == .connectTimeout && remaining < connectTimeout {
                // The connect limit was what was left of the budget: the budget ran out, not the connect limit.
                error = TransportError(kind: .timeout, detail: error.detail, host: error.host)
            }
            record(method, url, status: nil, error: error.kind.rawValue, since: started)
            return .failure(error)
        }
    }

    /// Sends with the current authorization. On a first 401 that carries a challenge, authenticates as
    /// asked and sends once more (a registry may allow an anonymous `/v2/` and protect repositories).
    /// A transport failure ends the probe.
    func authorizedSend(
        _ method: String, _ url: String, headers: [(name: String, value: String)] = [], followRedirects: Bool = false,
        maxBytes: Int, what: String
    ) async throws(ProbeStop) -> HTTPResponse {
        var response = try await send(method, url, headers: headers, authorization: authorization,
                                      followRedirects: followRedirects, maxBytes: maxBytes, what: what).get(what, budget)
        if response.status == 401, !authenticated {
            let challenges = AuthChallenge.parse(headers: response.headers)
            if !challenges.isEmpty {
                try await authenticate(challenges, status: 401)
                response = try await send(method, url, headers: headers, authorization: authorization,
                                          followRedirects: followRedirects, maxBytes: maxBytes, what: what).get(what, budget)
            }
        }
        return response
    }

    private func record(_ method: String, _ url: String, status: Int?, error: String?, since start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        let milliseconds = Int(elapsed.probeDouble * 1000)
        result.steps.append(ProbeStep(method: method, url: url, status: status, error: error, durationMilliseconds: milliseconds))
    }

    /// The TLS settings for a URL's host; certificate checks are skipped only for the registry itself
    /// when it is marked insecure (never for a token endpoint elsewhere).
    private func tls(for url: String) -> TLSOptions {
        let components = URLComponents(string: url)
        var host = components?.host ?? ""
        if host.contains(":") { host = "[\(host)]" }
        let hostAndPort = components?.port.map { "\(host):\($0)" } ?? host
        var tls = options.tls(for: hostAndPort)
        if endpoint.skipsVerification && hostAndPort.lowercased() == endpoint.host.lowercased() {
            tls.insecureSkipVerify = true
        }
        return tls
    }

    /// `who` for messages: `user al***`, `the registry token`, `anonymous clients`.
    var requester: String {
        guard let credentials else { return "anonymous clients" }
        switch credentials.kind {
        case .basic: return "user \(credentials.maskedUsername ?? "(no username)")"
        case .identityToken: return "the identity token"
        case .registryToken: return "the registry token"
        case .none: return "anonymous clients"
        }
    }
}

extension Result where Success == HTTPResponse, Failure == TransportError {
    /// The response, or a stop describing the transport failure.
    func get(_ what: String, _ budget: Duration) throws(ProbeStop) -> HTTPResponse {
        switch self {
        case .success(let response): return response
        case .failure(let error): throw ProbeStop.transport(error, during: what, budget: budget)
        }
    }
}
