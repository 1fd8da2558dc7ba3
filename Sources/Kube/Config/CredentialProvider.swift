import CurlClient
import Foundation

/// Hands out the credentials for each request and keeps them fresh:
/// - a token file (a projected service account token, which the kubelet rotates about hourly) is read again
///   at most every `tokenReloadInterval`, and at once after the server answered 401;
/// - an exec plugin's credential is kept until shortly before its `expirationTimestamp` (or until a 401), and
///   concurrent callers share one plugin run.
public actor CredentialProvider {
    /// What one request sends.
    public struct Credentials: Sendable {
        /// `Authorization: Bearer`.
        public var bearerToken: Secret?
        /// `Authorization: Basic`.
        public var basicAuth: (username: String, password: Secret)?
        /// A client certificate from an exec plugin (PEM); replaces the kubeconfig's.
        public var clientCertificatePEM: String?
        /// Its key.
        public var clientKeyPEM: Secret?
    }

    /// The source.
    public let source: CredentialSource
    private let environment: [String: String]
    private let tokenReloadInterval: Duration
    private let execTimeout: Duration
    /// Renew exec credentials this long before they expire, so no request goes out with one that expires
    /// in flight.
    private let expiryMargin: TimeInterval = 10

    private var fileToken: (token: Secret, readAt: ContinuousClock.Instant)?
    private var execResult: ExecCredentialResult?
    private var execRun: Task<Result<ExecCredentialResult, KubeError>, Never>?
    /// How often the exec plugin ran (for tests and debug logs).
    public private(set) var execRuns = 0

    /// A provider for `source`; `environment` is what exec plugins start from.
    public init(
        source: CredentialSource, environment: [String: String] = ProcessInfo.processInfo.environment,
        tokenReloadInterval: Duration = .seconds(60), execTimeout: Duration = .seconds(30)
    ) {
        self.source = source
        self.environment = environment
        self.tokenReloadInterval = tokenReloadInterval
        self.execTimeout = execTimeout
    }

    /// Whether `invalidate()` can bring different credentials (so a 401 is worth one retry).
    public nonisolated var canRefresh: Bool {
        switch source {
        case .tokenFile, .exec: true
        case .none, .token, .basic: false
        }
    }

    /// The credentials for the next request.
    public func current() async throws(KubeError) -> Credentials {
        switch source {
        case .none:
            return Credentials()
        case .token(let token):
            return Credentials(bearerToken: token)
        case .basic(let username, let password):
            return Credentials(basicAuth: (username, password))
        case .tokenFile(let path):
            if let cached = fileToken, ContinuousClock.now - cached.readAt < tokenReloadInterval {
                return Credentials(bearerToken: cached.token)
            }
            let token = try Self.readToken(path)
            fileToken = (token, .now)
            return Credentials(bearerToken: token)
        case .exec(let config):
            if let result = execResult, !isExpired(result) {
                return Self.credentials(from: result)
            }
            let result = try await runPlugin(config)
            return Self.credentials(from: result)
        }
    }

    /// Forgets cached credentials after the server rejected them; the next `current()` reads or runs again.
    public func invalidate() {
        fileToken = nil
        execResult = nil
    }

    private func isExpired(_ result: ExecCredentialResult) -> Bool {
        guard let expiration = result.expiration else { return false }
        return expiration.timeIntervalSinceNow < expiryMargin
    }

    private func runPlugin(_ config: ExecPluginConfig) async throws(KubeError) -> ExecCredentialResult {
        let task: Task<Result<ExecCredentialResult, KubeError>, Never>
        if let running = execRun {
            task = running
        } else {
            let plugin = ExecCredentialPlugin(config: config, environment: environment, timeout: execTimeout)
            task = Task {
                do throws(KubeError) { return .success(try await plugin.run()) } catch { return .failure(error) }
            }
            execRun = task
            execRuns += 1
        }
        let result = await task.value
        if execRun == task { execRun = nil }
        let value = try result.get()
        execResult = value
        return value
    }

    static func readToken(_ path: String) throws(KubeError) -> Secret {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw KubeError(.credentials, "cannot read the token file \(path): it is missing or unreadable")
        }
        let token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !token.isEmpty else { throw KubeError(.credentials, "the token file \(path) is empty") }
        return Secret(token)
    }

    private static func credentials(from result: ExecCredentialResult) -> Credentials {
        Credentials(bearerToken: result.token, clientCertificatePEM: result.clientCertificatePEM, clientKeyPEM: result.clientKeyPEM)
    }
}
