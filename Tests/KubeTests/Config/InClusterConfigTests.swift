import CurlClient
import Foundation
import Kube
import Testing

@Suite("InClusterConfig")
struct InClusterConfigTests {
    /// A folder shaped like the kubelet's service account mount.
    static func makeServiceAccountFolder(token: String, namespace: String?) throws -> String {
        let folder = try TestFixtures.temporaryDirectory()
        try token.write(toFile: "\(folder)/token", atomically: true, encoding: .utf8)
        try "-----BEGIN CERTIFICATE-----\nTEST-ONLY\n-----END CERTIFICATE-----\n".write(toFile: "\(folder)/ca.crt", atomically: true, encoding: .utf8)
        if let namespace { try "\(namespace)\n".write(toFile: "\(folder)/namespace", atomically: true, encoding: .utf8) }
        return folder
    }

    @Test("the service host, the CA file, the namespace file and the token file")
    func connection() throws {
        let folder = try Self.makeServiceAccountFolder(token: "token-1", namespace: "pulldoctor")
        let env = ["KUBERNETES_SERVICE_HOST": "10.96.0.1", "KUBERNETES_SERVICE_PORT": "443"]
        let connection = try InClusterConfig(environment: env, directory: folder).connection()
        #expect(connection.server == "https://10.96.0.1:443")
        #expect(connection.tls.caFile == "\(folder)/ca.crt")
        #expect(connection.namespace == "pulldoctor")
        #expect(connection.proxy == ProxyOptions.none)
        guard case .tokenFile(let path) = connection.credentials else {
            Issue.record("expected the token file")
            return
        }
        #expect(path == "\(folder)/token")
    }

    @Test("an IPv6 service host is bracketed; a missing namespace file means default")
    func ipv6() throws {
        let folder = try Self.makeServiceAccountFolder(token: "t", namespace: nil)
        let env = ["KUBERNETES_SERVICE_HOST": "fd00:10:96::1", "KUBERNETES_SERVICE_PORT": "443"]
        let connection = try InClusterConfig(environment: env, directory: folder).connection()
        #expect(connection.server == "https://[fd00:10:96::1]:443")
        #expect(connection.namespace == "default")
    }

    @Test("outside a pod, or without a mounted token, the error says so")
    func failures() throws {
        let notInPod = #expect(throws: KubeError.self) { try InClusterConfig(environment: [:], directory: "/nonexistent").connection() }
        #expect(notInPod?.reason == .config)
        let env = ["KUBERNETES_SERVICE_HOST": "10.96.0.1", "KUBERNETES_SERVICE_PORT": "443"]
        let noToken = #expect(throws: KubeError.self) { try InClusterConfig(environment: env, directory: "/nonexistent").connection() }
        #expect(noToken?.message.contains("/nonexistent/token") == true)
    }

    @Test("a rotated token is read again after the reload interval, and at once after invalidate (a 401)")
    func tokenRotation() async throws {
        let folder = try Self.makeServiceAccountFolder(token: "token-1\n", namespace: nil)
        let path = "\(folder)/token"
        let cached = CredentialProvider(source: .tokenFile(path: path), tokenReloadInterval: .seconds(3600))
        #expect(try await cached.current().bearerToken?.value == "token-1")
        try "token-2".write(toFile: path, atomically: true, encoding: .utf8)
        // Within the interval the file is not read again...
        #expect(try await cached.current().bearerToken?.value == "token-1")
        // ...until the server rejects the token.
        await cached.invalidate()
        #expect(try await cached.current().bearerToken?.value == "token-2")

        let eager = CredentialProvider(source: .tokenFile(path: path), tokenReloadInterval: .zero)
        #expect(try await eager.current().bearerToken?.value == "token-2")
        try "token-3".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try await eager.current().bearerToken?.value == "token-3")
    }
}
