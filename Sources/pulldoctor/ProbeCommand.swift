import ArgumentParser
import CurlClient
import Foundation
import Registry

/// `pulldoctor probe IMAGE`: ask the registry, from here, whether the image can be pulled.
///
/// Exit status: 0 when the probe finds nothing wrong, 1 when it finds a problem, 2 on a usage error.
struct ProbeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Check from here whether a registry serves an image: reachability, TLS, credentials, tag, platform.",
        discussion: """
            The probe runs from this machine's network position, not from a node: the node's DNS, proxy, \
            firewall, mirrors and trusted CAs may differ.
            Exit status: 0 when the image can be pulled from here, 1 when the probe found a problem, 2 on a usage error.
            """)

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    @Argument(help: "The image reference, e.g. nginx:1.25 or myregistry.io:5000/team/app@sha256:...")
    var image: String

    @Option(help: "The platform the image must exist for, os/arch[/variant], e.g. linux/arm64.")
    var platform: String?

    @Option(name: .customLong("ca-file"), help: "A PEM file of CA certificates to trust for the registry.")
    var caFile: String?

    @Option(help: "Username for the registry (with --password-file).")
    var username: String?

    @Option(name: .customLong("password-file"), help: "A file holding the password or token (trailing newline ignored).")
    var passwordFile: String?

    @Option(name: .customLong("pull-secret"),
            help: "A Secret of type kubernetes.io/dockerconfigjson as JSON (kubectl get secret -o json), or a docker config.json.")
    var pullSecret: String?

    @Option(name: .customLong("insecure-registry"),
            help: "A registry (host or host:port) that may be reached over plain HTTP or unverified HTTPS. Repeatable.")
    var insecureRegistries: [String] = []

    @Option(help: "Total time budget in seconds.")
    var timeout: Double = 10

    @Option(name: [.customShort("o"), .customLong("output")], help: "Output format: text or json.")
    var output: OutputFormat = .text

    func run() async throws {
        let wanted = try parsePlatform()
        let credentials = try loadCredentials()
        guard timeout > 0, timeout <= 300 else { throw usage("--timeout must be between 0 and 300 seconds") }
        if let caFile, !FileManager.default.isReadableFile(atPath: caFile) {
            throw usage("--ca-file \(caFile) cannot be read")
        }
        let options = ProbeOptions(timeout: .milliseconds(Int(timeout * 1000)),
                                   insecureRegistries: Set(insecureRegistries), tls: TLSOptions(caFile: caFile))
        let client = CurlClient()
        defer { client.shutdown() }
        let result = await RegistryProbe(transport: client, options: options)
            .probe(ProbeRequest(image: image, platform: wanted, credentials: credentials))
        switch output {
        case .json:
            let data = try ProbeResult.jsonEncoder(pretty: true).encode(result)
            print(String(decoding: data, as: UTF8.self))
        case .text:
            print(Self.text(result))
        }
        if !result.outcome.isSuccess { throw ExitCode(1) }
    }

    private func parsePlatform() throws -> ImagePlatform? {
        guard let platform else { return nil }
        guard let parsed = ImagePlatform(parsing: platform) else {
            throw usage("--platform \"\(platform)\" is not os/arch[/variant], e.g. linux/arm64")
        }
        return parsed
    }

    /// Credentials from --username/--password-file or from the pull secret entry the kubelet would use.
    private func loadCredentials() throws -> RegistryCredentials? {
        if pullSecret != nil && (username != nil || passwordFile != nil) {
            throw usage("use either --pull-secret or --username/--password-file, not both")
        }
        if let username {
            guard let passwordFile else { throw usage("--username needs --password-file") }
            guard let text = try? String(contentsOfFile: passwordFile, encoding: .utf8) else {
                throw usage("--password-file \(passwordFile) cannot be read")
            }
            let password = text.hasSuffix("\r\n") ? String(text.dropLast(2)) : text.hasSuffix("\n") ? String(text.dropLast()) : text
            return RegistryCredentials(username: username, password: password, source: .usernamePassword)
        }
        if passwordFile != nil { throw usage("--password-file needs --username") }
        guard let pullSecret else { return nil }
        guard let data = FileManager.default.contents(atPath: pullSecret) else {
            throw usage("--pull-secret \(pullSecret) cannot be read")
        }
        let secret: PullSecret
        do {
            secret = try Self.parseSecret(data, file: pullSecret)
        } catch {
            throw usage("--pull-secret \(pullSecret): \(error)")
        }
        guard let reference = try? ImageReference(parsing: image) else { return nil }  // the probe reports it
        let match = PullSecretMatcher(secrets: [secret]).match(reference)
        guard let candidate = match.used ?? match.candidates.first else {
            Self.note("pulldoctor: \(match.mismatch?.description ?? "no pull-secret entry applies"); probing anonymously")
            return nil
        }
        if !candidate.kubeletUsesIt {
            Self.note("pulldoctor: using \(candidate), which the kubelet itself would not send")
        }
        return candidate.entry.credentials
    }

    /// A Secret object (`kind: Secret`, `data` base64 or `stringData`), or a bare docker config document.
    static func parseSecret(_ data: Data, file: String) throws -> PullSecret {
        let name = URL(fileURLWithPath: file).lastPathComponent
        let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        guard let object, object["kind"] as? String == "Secret" else {
            return try PullSecret(name: name, type: .dockerConfigJSON, config: data)
        }
        let secretName = (object["metadata"] as? [String: Any])?["name"] as? String ?? name
        let type = object["type"] as? String ?? ""
        if let plain = object["stringData"] as? [String: String], !plain.isEmpty {
            return try PullSecret(name: secretName, type: type, decodedData: plain.mapValues { Data($0.utf8) })
        }
        return try PullSecret(name: secretName, type: type, data: object["data"] as? [String: String] ?? [:])
    }

    /// The result for a person: verdict, meaning, evidence, and the vantage note.
    static func text(_ result: ProbeResult) -> String {
        var lines: [(String, String)] = [
            ("Image", result.image),
            ("Outcome", result.outcome.rawValue),
            ("Meaning", result.outcome.meaning),
            ("Reason", result.reason),
        ]
        if let endpoint = result.endpoint { lines.append(("Endpoint", endpoint)) }
        if let status = result.httpStatus {
            let codes = result.errorCodes.isEmpty ? "" : " (\(result.errorCodes.joined(separator: ", ")))"
            lines.append(("HTTP status", "\(status)\(codes)"))
        }
        if let digest = result.digest { lines.append(("Digest", digest)) }
        if !result.platforms.isEmpty || result.wantedPlatform != nil {
            var text = result.platforms.isEmpty ? "unknown" : result.platforms.map(\.description).joined(separator: ", ")
            if let wanted = result.wantedPlatform {
                let verdict = result.platformAvailable.map { $0 ? "present" : "missing" } ?? "not checked"
                text += " (wanted \(wanted): \(verdict))"
            }
            lines.append(("Platforms", text))
        }
        if let tags = result.availableTags { lines.append(("Tags seen", tags.isEmpty ? "none" : tags.joined(separator: ", "))) }
        if let limit = result.rateLimit { lines.append(("Rate limit", limit.summary)) }
        let auth = result.authScheme ?? "not reached"
        let who = result.credentialsUsed ? "credentials used" + (result.username.map { " (user \($0))" } ?? "") : "no credentials used"
        lines.append(("Auth", "\(auth); \(who)"))
        lines.append(("Took", String(format: "%.3f s", result.durationSeconds)))
        lines.append(("Vantage", result.vantageNote))
        let width = lines.map(\.0.count).max() ?? 0
        return lines.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }
            .joined(separator: "\n")
    }

    private func usage(_ message: String) -> ExitCode {
        Self.note("pulldoctor probe: \(message)")
        return ExitCode(2)
    }

    private static func note(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
