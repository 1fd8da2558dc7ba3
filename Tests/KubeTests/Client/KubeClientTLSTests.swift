import CurlClient
import Foundation
import Kube
import Testing

/// TLS with a private CA and client-certificate auth against a real HTTPS endpoint: `openssl s_server -WWW`
/// requiring a client certificate (`-Verify 1`) and serving an object file at the API path.
@Suite("KubeClient over TLS with client certificates", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl")))
struct KubeClientTLSTests {
    /// A throwaway CA, a server certificate for 127.0.0.1 and a client certificate, made fresh per run.
    static func makeCertificates(in folder: String) throws {
        let openssl = "/usr/bin/openssl"
        let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        try TestFixtures.run(openssl, ["req", "-x509"] + ec + ["-keyout", "ca.key", "-out", "ca.pem", "-days", "1", "-subj", "/CN=pulldoctor-test-ca"], in: folder)
        try TestFixtures.run(openssl, ["req"] + ec + ["-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1"], in: folder)
        try "subjectAltName=IP:127.0.0.1\n".write(toFile: "\(folder)/san.ext", atomically: true, encoding: .utf8)
        try TestFixtures.run(openssl, ["x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                                       "-out", "server.pem", "-days", "1", "-extfile", "san.ext"], in: folder)
        try TestFixtures.run(openssl, ["req"] + ec + ["-keyout", "client.key", "-out", "client.csr", "-subj", "/CN=pulldoctor/O=test"], in: folder)
        try TestFixtures.run(openssl, ["x509", "-req", "-in", "client.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                                       "-out", "client.pem", "-days", "1"], in: folder)
    }

    /// Starts `openssl s_server` on a free port and returns it with the port it printed.
    static func startServer(in folder: String) async throws -> (Process, Int) {
        let www = "\(folder)/www"
        try FileManager.default.createDirectory(atPath: "\(www)/api/v1/namespaces/shop/pods", withIntermediateDirectories: true)
        try #"{"kind":"Pod","apiVersion":"v1","metadata":{"name":"web-1","namespace":"shop"},"status":{"phase":"Running"}}"#
            .write(toFile: "\(www)/api/v1/namespaces/shop/pods/web-1", atomically: true, encoding: .utf8)
        let log = "\(folder)/server.log"
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = ["s_server", "-WWW", "-accept", "127.0.0.1:0", "-cert", "../server.pem", "-key", "../server.key",
                             "-CAfile", "../ca.pem", "-Verify", "1"]
        process.currentDirectoryURL = URL(fileURLWithPath: www)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        process.standardError = FileHandle.nullDevice
        try process.run()
        for _ in 0..<100 {
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            if let range = text.range(of: "ACCEPT 127.0.0.1:") {
                let digits = text[range.upperBound...].prefix { $0.isNumber }
                if let port = Int(digits) { return (process, port) }
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        kill(process.processIdentifier, SIGKILL)
        throw KubeError(.config, "openssl s_server did not start")
    }

    func kubeconfig(port: Int, user: String, ca: String) -> String {
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: local
          cluster:
            server: https://127.0.0.1:\(port)
            \(ca)
        users:
        - name: me
          user:
        \(user)
        contexts:
        - {name: local, context: {cluster: local, user: me, namespace: shop}}
        current-context: local
        """
    }

    func get(_ config: String, in folder: String, name: String) async throws(KubeError) -> Pod {
        let path = "\(folder)/\(name).yaml"
        try? config.write(toFile: path, atomically: true, encoding: .utf8)
        var connection = try KubeConfigLoader(environment: [:], serviceAccountDirectory: "/nonexistent").load(kubeconfig: path)
        connection.proxy = .none
        return try await KubeClient(connection: connection, transport: TestFixtures.curl).pods.get("web-1")
    }

    @Test("client certificate as files and as -data; refused without one; unknown CA detected")
    func clientCertificates() async throws {
        let folder = try TestFixtures.temporaryDirectory()
        try Self.makeCertificates(in: folder)
        let (server, port) = try await Self.startServer(in: folder)
        // SIGKILL: the child inherits the spawning thread's blocked signals (Dispatch workers block SIGTERM).
        defer { kill(server.processIdentifier, SIGKILL) }
        func base64(_ file: String) throws -> String {
            try Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(file)")).base64EncodedString()
        }

        // Relative paths resolve against the kubeconfig's folder.
        let files = kubeconfig(port: port, user: "    client-certificate: client.pem\n    client-key: client.key", ca: "certificate-authority: ca.pem")
        let pod = try await get(files, in: folder, name: "files")
        #expect(pod.metadata.name == "web-1")
        #expect(pod.status?.phase == "Running")

        let data = kubeconfig(
            port: port, user: "    client-certificate-data: \(try base64("client.pem"))\n    client-key-data: \(try base64("client.key"))",
            ca: "certificate-authority-data: \(try base64("ca.pem"))")
        #expect(try await get(data, in: folder, name: "data").metadata.name == "web-1")

        let noCertificate = kubeconfig(port: port, user: "    token: not-a-certificate", ca: "certificate-authority: ca.pem")
        let refused = await #expect(throws: KubeError.self) { try await get(noCertificate, in: folder, name: "nocert") }
        guard case .transport = refused?.reason else {
            Issue.record("expected a transport error without a client certificate, got \(String(describing: refused))")
            return
        }

        let systemCA = kubeconfig(port: port, user: "    client-certificate: client.pem\n    client-key: client.key", ca: "{}")
            .replacingOccurrences(of: "    {}", with: "")
        let untrusted = await #expect(throws: KubeError.self) { try await get(systemCA, in: folder, name: "system-ca") }
        #expect(untrusted?.reason == .transport(.tlsUnknownAuthority))
        #expect(untrusted?.message.contains("certificate-authority") == true)
    }
}
