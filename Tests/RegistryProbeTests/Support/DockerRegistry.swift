import CurlClient
import Foundation

/// One Debian `docker-registry` (distribution 2.8.2) on 127.0.0.1, with a configuration written here
/// (Debian's default one turns on htpasswd with a folder as the password file), filesystem storage in
/// its own folder, and optionally htpasswd Basic auth (bcrypt entries only) or TLS.
final class DockerRegistry: @unchecked Sendable {
    enum Kind: String {
        case open
        case basicAuth = "basic-auth"
        case tls
    }

    static let binary = "/usr/bin/docker-registry"

    let kind: Kind
    let port: Int
    let folder: URL
    private let process: ManagedProcess

    /// `127.0.0.1:PORT`: the registry part of image references.
    var host: String { "127.0.0.1:\(port)" }
    /// The base URL over the scheme it serves.
    var base: String { (kind == .tls ? "https://" : "http://") + host }
    /// Its log, for assertion messages and request counts.
    var log: String { process.output }

    /// Starts the registry and waits (at most 10 s) until `/v2/` answers.
    /// - Parameters:
    ///   - htpasswd: the password file for `.basicAuth`.
    ///   - certificate: `(certificate, key)` PEM files for `.tls`; `ca` is trusted while waiting.
    init(kind: Kind, root: URL, transport: any HTTPTransport, htpasswd: URL? = nil,
         certificate: (cert: URL, key: URL)? = nil, ca: URL? = nil) async throws {
        self.kind = kind
        port = try ManagedProcess.freePort()
        folder = root.appendingPathComponent("registry-\(kind.rawValue)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
        var config = """
            version: 0.1
            log:
              level: info
              accesslog:
                disabled: false
            storage:
              filesystem:
                rootdirectory: \(folder.appendingPathComponent("data").path)
            http:
              addr: 127.0.0.1:\(port)
              secret: pulldoctor-probe-tests

            """
        if let certificate {
            config += "  tls:\n    certificate: \(certificate.cert.path)\n    key: \(certificate.key.path)\n"
        }
        if let htpasswd {
            config += "auth:\n  htpasswd:\n    realm: pulldoctor-test\n    path: \(htpasswd.path)\n"
        }
        let configFile = folder.appendingPathComponent("config.yml")
        try config.write(to: configFile, atomically: true, encoding: .utf8)
        process = try ManagedProcess(name: "docker-registry (\(kind.rawValue))", executable: Self.binary,
                                     arguments: ["serve", configFile.path], log: folder.appendingPathComponent("registry.log"))
        try await waitUntilReady(transport: transport, ca: ca)
    }

    private func waitUntilReady(transport: any HTTPTransport, ca: URL?) async throws {
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            let request = HTTPRequest(url: base + "/v2/", connectTimeout: .seconds(1), timeout: .seconds(2),
                                      tls: TLSOptions(caFile: ca?.path), proxy: .none)
            if let response = try? await transport.send(request), response.status == 200 || response.status == 401 {
                return
            }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        let output = process.output
        process.stop()
        throw ManagedProcess.Failure(description: "docker-registry (\(kind.rawValue)) did not come up: \(output)")
    }

    /// How many access-log lines show `method path` (the registry logs one per request it served).
    func requests(_ method: String, _ path: String) -> Int {
        log.components(separatedBy: "\n").filter { $0.contains("\"\(method) \(path) HTTP/") }.count
    }

    func stop() {
        process.stop()
    }
}
