import CurlClient
import Foundation
@testable import Registry
import Testing

/// The real services the live tests probe, started once per suite by the ``LiveRegistriesTrait`` and
/// stopped (by PID) when the suite ends:
/// - three Debian docker-registry instances: open, htpasswd Basic auth (alice / s3cret), and TLS with a
///   CA generated for this run;
/// - `fake_registry.py`: the token flow, rate limits, server errors, slowness, request counting.
final class LiveFixture: @unchecked Sendable {
    @TaskLocal static var current: LiveFixture?

    static let username = "alice"
    static let password = "s3cret"

    let root: URL
    let transport: CurlClient
    let open: DockerRegistry
    let basicAuth: DockerRegistry
    let tls: DockerRegistry
    let caFile: URL
    let fake: ManagedProcess
    let fakePorts: [String: Int]
    /// The digest of `team/app:v1` on the open registry.
    let appDigest: String

    private init(root: URL, transport: CurlClient, open: DockerRegistry, basicAuth: DockerRegistry, tls: DockerRegistry,
                 caFile: URL, fake: ManagedProcess, fakePorts: [String: Int], appDigest: String) {
        self.root = root
        self.transport = transport
        self.open = open
        self.basicAuth = basicAuth
        self.tls = tls
        self.caFile = caFile
        self.fake = fake
        self.fakePorts = fakePorts
        self.appDigest = appDigest
    }

    /// Starts everything and pushes the test images. Each start is bounded; on failure, whatever did
    /// start is stopped.
    static func start() async throws -> LiveFixture {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("pulldoctor-probe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let transport = CurlClient()
        var started: [() -> Void] = []
        do {
            let (ca, cert, key) = try await makeCertificates(in: root)
            let htpasswd = root.appendingPathComponent("htpasswd")
            let entry = try await ManagedProcess.run("/usr/bin/htpasswd", ["-Bbn", username, password], in: root)
            try entry.trimmingCharacters(in: .whitespacesAndNewlines).appending("\n").write(to: htpasswd, atomically: true, encoding: .utf8)

            let open = try await DockerRegistry(kind: .open, root: root, transport: transport)
            started.append(open.stop)
            let basicAuth = try await DockerRegistry(kind: .basicAuth, root: root, transport: transport, htpasswd: htpasswd)
            started.append(basicAuth.stop)
            let tls = try await DockerRegistry(kind: .tls, root: root, transport: transport, certificate: (cert, key), ca: ca)
            started.append(tls.stop)

            let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("fake_registry.py")
            let fake = try ManagedProcess(name: "fake_registry.py", executable: "/usr/bin/env",
                                          arguments: ["python3", script.path], log: root.appendingPathComponent("fake.log"))
            started.append(fake.stop)
            let line = try await fake.firstLine(timeout: .seconds(10))
            guard let ports = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Int] else {
                throw ManagedProcess.Failure(description: "fake_registry.py printed \(line)")
            }

            let amd64 = ImagePlatform(os: "linux", architecture: "amd64")
            let pusher = ImagePusher(transport: transport, base: open.base)
            let app = try await pusher.pushImage("team/app", tag: "v1", platform: amd64)
            try await pusher.pushIndex("team/app", tag: "multi", entries: [(app, amd64)])
            try await pusher.pushImage("team/other", tag: "2.0", platform: amd64)

            var privatePusher = ImagePusher(transport: transport, base: basicAuth.base)
            privatePusher.basicAuth = (username, Secret(password))
            try await privatePusher.pushImage("team/private", tag: "v1", platform: amd64)

            var tlsPusher = ImagePusher(transport: transport, base: tls.base)
            tlsPusher.tls = TLSOptions(caFile: ca.path)
            try await tlsPusher.pushImage("team/app", tag: "v1", platform: amd64)

            return LiveFixture(root: root, transport: transport, open: open, basicAuth: basicAuth, tls: tls, caFile: ca,
                               fake: fake, fakePorts: ports, appDigest: app.digest)
        } catch {
            started.reversed().forEach { $0() }
            transport.shutdown()
            try? FileManager.default.removeItem(at: root)
            throw error
        }
    }

    func stop() {
        for registry in [open, basicAuth, tls] { registry.stop() }
        fake.stop()
        transport.shutdown()
        try? FileManager.default.removeItem(at: root)
    }

    /// A test CA and a server certificate for 127.0.0.1 / localhost signed by it, made with the openssl
    /// CLI. Throwaway keys, made at run time.
    private static func makeCertificates(in root: URL) async throws -> (ca: URL, cert: URL, key: URL) {
        let folder = root.appendingPathComponent("tls")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
        let openssl = "/usr/bin/openssl"
        let curve = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        _ = try await ManagedProcess.run(openssl, ["req", "-x509"] + curve + [
            "-keyout", path("ca.key"), "-out", path("ca.pem"), "-days", "2", "-subj", "/CN=PullDoctor Probe Test CA",
        ], in: folder)
        _ = try await ManagedProcess.run(openssl, ["req"] + curve + [
            "-keyout", path("server.key"), "-out", path("server.csr"), "-subj", "/CN=127.0.0.1",
        ], in: folder)
        try "subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n"
            .write(toFile: path("server.ext"), atomically: true, encoding: .utf8)
        _ = try await ManagedProcess.run(openssl, [
            "x509", "-req", "-in", path("server.csr"), "-CA", path("ca.pem"), "-CAkey", path("ca.key"),
            "-CAcreateserial", "-out", path("server.pem"), "-days", "2", "-extfile", path("server.ext"),
        ], in: folder)
        return (URL(fileURLWithPath: path("ca.pem")), URL(fileURLWithPath: path("server.pem")),
                URL(fileURLWithPath: path("server.key")))
    }

    // MARK: Helpers for tests

    /// A probe over the fixture's transport, no proxy; `configure` adjusts the options. The budgets are
    /// generous because the machine is shared: under a load of 8 on 2 cores, loopback TLS handshakes
    /// have been seen to take over 2 s.
    func makeProbe(observer: (any ProbeObserver)? = nil, _ configure: (inout ProbeOptions) -> Void = { _ in }) -> RegistryProbe {
        var options = ProbeOptions(timeout: .seconds(15), connectTimeout: .seconds(8), proxy: .none)
        configure(&options)
        return RegistryProbe(transport: transport, options: options, observer: observer)
    }

    /// `127.0.0.1:PORT` of a fake_registry.py server (`token`, `auth`, `badrealm`, `misc`, `closed`).
    func fakeHost(_ mode: String) -> String { "127.0.0.1:\(fakePorts[mode] ?? 0)" }

    /// The request counts of a fake server (`"METHOD /path": n`), its most concurrent cap/* requests, and
    /// the token endpoint's last query per scope (tests run in parallel: each uses its own repository).
    func fakeStats(_ mode: String) async throws -> (requests: [String: Int], maxConcurrentCap: Int, tokenQueries: [String: [String: String]]) {
        let response = try await transport.send(HTTPRequest(url: "http://\(fakeHost(mode))/_stats", proxy: .none))
        let object = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any] ?? [:]
        return (object["requests"] as? [String: Int] ?? [:], object["max_concurrent_cap"] as? Int ?? -1,
                object["token_queries"] as? [String: [String: String]] ?? [:])
    }
}

/// Starts the ``LiveFixture`` once around a whole suite (not per test) and hands it to the tests
/// through ``LiveFixture/current``.
struct LiveRegistriesTrait: SuiteTrait, TestScoping {
    var isRecursive: Bool { false }

    func provideScope(for test: Test, testCase: Test.Case?,
                      performing function: @Sendable () async throws -> Void) async throws {
        let fixture = try await LiveFixture.start()
        do {
            try await LiveFixture.$current.withValue(fixture) { try await function() }
        } catch {
            fixture.stop()
            throw error
        }
        fixture.stop()
    }
}

extension Trait where Self == LiveRegistriesTrait {
    /// Runs the suite against real registries and the fake one.
    static var liveRegistries: Self { Self() }
}
