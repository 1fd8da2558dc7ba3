import CurlClient
import Foundation

/// Runs a kubeconfig's exec credential plugin once and reads its `ExecCredential` answer, as kubectl does:
/// the command with its args, the process environment plus the plugin's `env`, and `KUBERNETES_EXEC_INFO`
/// holding the request. Bounded run time; a missing binary or a failed run becomes a `credentials` error
/// that says what to do.
public struct ExecCredentialPlugin: Sendable {
    /// The plugin's configuration.
    public var config: ExecPluginConfig
    /// The environment the plugin starts from (the process's own, injectable for tests).
    public var environment: [String: String]
    /// The longest a run may take. Default 30 s: `aws eks get-token` and `gke-gcloud-auth-plugin` answer in
    /// a second or two; one that hangs (waiting for a browser login, say) must not hold diagnoses forever.
    public var timeout: Duration

    /// A plugin runner.
    public init(config: ExecPluginConfig, environment: [String: String], timeout: Duration = .seconds(30)) {
        self.config = config
        self.environment = environment
        self.timeout = timeout
    }

    /// Runs the plugin and returns its credential.
    public func run() async throws(KubeError) -> ExecCredentialResult {
        let name = config.command
        guard config.apiVersion == ExecPluginConfig.v1 || config.apiVersion == ExecPluginConfig.v1beta1 else {
            throw KubeError(.config, "the exec credential plugin \(name) asks for apiVersion \"\(config.apiVersion)\"; "
                + "only \(ExecPluginConfig.v1) and \(ExecPluginConfig.v1beta1) are supported (v1alpha1 was removed in Kubernetes 1.24): "
                + "update the kubeconfig entry, e.g. by re-running the cloud's get-credentials command")
        }
        if config.interactiveMode == "Always" {
            throw KubeError(.config, "the exec credential plugin \(name) requires an interactive terminal (interactiveMode: Always), "
                + "which PullDoctor never has; use a non-interactive login (a service principal, workload identity or a token)")
        }
        var env = environment
        for variable in config.env { env[variable.name] = variable.value }
        env["KUBERNETES_EXEC_INFO"] = config.execInfo
        guard let executable = Self.locate(name, path: env["PATH"]) else {
            var message = "the exec credential plugin \"\(name)\" named in the kubeconfig was not found"
                + (name.contains("/") ? "" : " in PATH (\(env["PATH"] ?? "unset"))")
            if let hint = config.installHint, !hint.isEmpty {
                message += ". " + hint.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            throw KubeError(.credentials, message)
        }
        let outcome = await PluginProcess(executable: executable, arguments: config.args, environment: env, timeout: timeout).run()
        switch outcome {
        case .launchFailed(let why):
            throw KubeError(.credentials, "the exec credential plugin \(executable) could not be started: \(why)")
        case .timedOut(let stderr):
            throw KubeError(.credentials, "the exec credential plugin \(executable) did not finish within \(timeout) and was stopped"
                + Self.stderrNote(stderr))
        case .exited(let status, let stdout, let stderr):
            guard status == 0 else {
                throw KubeError(.credentials, "the exec credential plugin \(executable) exited with status \(status)" + Self.stderrNote(stderr))
            }
            return try parse(stdout, executable: executable)
        }
    }

    /// Reads the plugin's standard output.
    func parse(_ output: Data, executable: String) throws(KubeError) -> ExecCredentialResult {
        let credential: ExecCredentialOutput
        do {
            credential = try KubeTime.makeDecoder().decode(ExecCredentialOutput.self, from: output)
        } catch {
            throw KubeError(.credentials, "the exec credential plugin \(executable) did not print an ExecCredential JSON object (\(error)); "
                + "output starts \(KubeError.excerpt(String(decoding: output.prefix(120), as: UTF8.self)))")
        }
        guard credential.kind == "ExecCredential", credential.apiVersion == config.apiVersion else {
            throw KubeError(.credentials, "the exec credential plugin \(executable) answered kind \"\(credential.kind ?? "")\" "
                + "apiVersion \"\(credential.apiVersion ?? "")\"; the kubeconfig asked for ExecCredential \(config.apiVersion)")
        }
        let status = credential.status
        let token = status?.token.flatMap { $0.isEmpty ? nil : Secret($0) }
        let certificate = status?.clientCertificateData.flatMap { $0.isEmpty ? nil : $0 }
        let key = status?.clientKeyData.flatMap { $0.isEmpty ? nil : Secret($0) }
        guard (certificate == nil) == (key == nil) else {
            throw KubeError(.credentials, "the exec credential plugin \(executable) returned a client certificate without its key, or a key without its certificate")
        }
        guard token != nil || certificate != nil else {
            throw KubeError(.credentials, "the exec credential plugin \(executable) returned neither status.token nor a client certificate")
        }
        return ExecCredentialResult(token: token, clientCertificatePEM: certificate, clientKeyPEM: key, expiration: status?.expirationTimestamp)
    }

    /// The executable for `command`: a path as given, or the first executable match in `PATH`.
    static func locate(_ command: String, path: String?) -> String? {
        guard !command.isEmpty else { return nil }
        if command.contains("/") {
            return FileManager.default.isExecutableFile(atPath: command) ? command : nil
        }
        for folder in (path ?? "").split(separator: ":") where !folder.isEmpty {
            let candidate = (String(folder) as NSString).appendingPathComponent(command)
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// `: <last 500 characters of stderr>` or nothing.
    private static func stderrNote(_ stderr: Data) -> String {
        let text = String(decoding: stderr, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return " (no output on stderr)" }
        let tail = text.count > 500 ? "..." + text.suffix(500) : text
        return "; its stderr: \(tail)"
    }
}

/// What an exec plugin returned.
public struct ExecCredentialResult: Sendable {
    /// The bearer token.
    public var token: Secret?
    /// A client certificate (PEM).
    public var clientCertificatePEM: String?
    /// The client key (PEM).
    public var clientKeyPEM: Secret?
    /// When the credential expires; `nil` for "until the server rejects it".
    public var expiration: Date?
}

/// The plugin's stdout: an ExecCredential with `status` set.
struct ExecCredentialOutput: Decodable {
    var kind: String?
    var apiVersion: String?
    var status: Status?

    struct Status: Decodable {
        var token: String?
        var clientCertificateData: String?
        var clientKeyData: String?
        var expirationTimestamp: Date?
    }
}
