import CurlClient
import Foundation
import Kube
import Testing

@Suite("Exec credential plugins")
struct ExecCredentialPluginTests {
    init() {
        TestFixtures.ensurePluginsExecutable()
    }

    /// The plugin configuration of a kubeconfig fixture.
    func plugin(_ file: String) throws -> ExecPluginConfig {
        let connection = try KubeConfigLoader(environment: [:], serviceAccountDirectory: "/nonexistent")
            .load(kubeconfig: TestFixtures.kubeconfig(file))
        guard case .exec(let config) = connection.credentials else {
            throw KubeError(.config, "\(file) has no exec plugin")
        }
        return config
    }

    let baseEnvironment = ["PATH": "/usr/bin:/bin"]

    @Test("v1: command resolved against the kubeconfig, args and env passed, KUBERNETES_EXEC_INFO with the cluster")
    func v1() async throws {
        let config = try plugin("exec-v1.yaml")
        #expect(config.command == TestFixtures.kubeconfig("plugins/exec-v1.sh"))
        let folder = try TestFixtures.temporaryDirectory()
        var env = baseEnvironment
        env["FAKE_EXEC_INFO_OUT"] = "\(folder)/info.json"
        let result = try await ExecCredentialPlugin(config: config, environment: env).run()
        #expect(result.token?.value == "fake-token-eu-west-1-get-token---cluster-name")
        #expect(result.expiration == KubeTime.parse("2099-01-01T00:00:00Z"))
        #expect(result.clientCertificatePEM == nil)

        let info = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(folder)/info.json"))) as? [String: Any]
        #expect(info?["kind"] as? String == "ExecCredential")
        #expect(info?["apiVersion"] as? String == "client.authentication.k8s.io/v1")
        let spec = info?["spec"] as? [String: Any]
        #expect(spec?["interactive"] as? Bool == false)
        let cluster = spec?["cluster"] as? [String: Any]
        #expect(cluster?["server"] as? String == "https://ABCDEF.gr7.eu-west-1.eks.amazonaws.com")
        let caPEM = try String(contentsOfFile: TestFixtures.kubeconfig("certs/ca.pem"), encoding: .utf8)
        // The kubeconfig names a CA file; the plugin gets its content as base64 data.
        #expect(cluster?["certificate-authority-data"] as? String == Data(caPEM.utf8).base64EncodedString())
    }

    @Test("v1beta1 with a client certificate and key, no expiry")
    func v1beta1() async throws {
        let result = try await ExecCredentialPlugin(config: try plugin("exec-v1beta1.yaml"), environment: baseEnvironment).run()
        #expect(result.token == nil)
        #expect(result.clientCertificatePEM?.hasPrefix("-----BEGIN CERTIFICATE-----\nTEST-ONLY PLUGIN CERT") == true)
        #expect(result.clientKeyPEM?.value.contains("TEST-ONLY PLUGIN KEY") == true)
        #expect(result.expiration == nil)
    }

    @Test("a plugin that exits 1: the status and its stderr in the message")
    func fails() async throws {
        let error = await #expect(throws: KubeError.self) {
            try await ExecCredentialPlugin(config: try plugin("exec-fails.yaml"), environment: baseEnvironment).run()
        }
        #expect(error?.reason == .credentials)
        #expect(error?.message.contains("exited with status 1") == true)
        #expect(error?.message.contains("no cached login for profile test") == true)
    }

    @Test("a missing binary: PATH and the installHint in the message")
    func missing() async throws {
        let error = await #expect(throws: KubeError.self) {
            try await ExecCredentialPlugin(config: try plugin("exec-missing.yaml"), environment: baseEnvironment).run()
        }
        #expect(error?.reason == .credentials)
        #expect(error?.message.contains("pulldoctor-test-plugin-that-does-not-exist") == true)
        #expect(error?.message.contains("/usr/bin:/bin") == true)
        #expect(error?.message.contains("install it with: make test-plugin") == true)
    }

    @Test("a plugin that hangs is stopped at the time limit")
    func slow() async throws {
        let start = ContinuousClock.now
        let error = await #expect(throws: KubeError.self) {
            try await ExecCredentialPlugin(config: try plugin("exec-slow.yaml"), environment: baseEnvironment, timeout: .milliseconds(500)).run()
        }
        #expect(error?.message.contains("did not finish within") == true)
        #expect(error?.message.contains("waiting for a browser login") == true)
        // Far below the plugin's own 20 s sleep.
        #expect(ContinuousClock.now - start < .seconds(10))
    }

    @Test("output that is not an ExecCredential, and a removed apiVersion, are refused")
    func refused() async throws {
        let garbage = await #expect(throws: KubeError.self) {
            try await ExecCredentialPlugin(config: try plugin("exec-garbage.yaml"), environment: baseEnvironment).run()
        }
        #expect(garbage?.message.contains("did not print an ExecCredential") == true)
        let alpha = await #expect(throws: KubeError.self) {
            try await ExecCredentialPlugin(config: try plugin("exec-v1alpha1.yaml"), environment: baseEnvironment).run()
        }
        #expect(alpha?.reason == .config)
        #expect(alpha?.message.contains("v1alpha1") == true)
    }

    @Test("the credential is cached until its expiry, shared by concurrent callers, and renewed after invalidate")
    func caching() async throws {
        let folder = try TestFixtures.temporaryDirectory()
        let counter = "\(folder)/runs"
        func runs() -> Int {
            ((try? String(contentsOfFile: counter, encoding: .utf8)) ?? "").split(separator: "\n").count
        }
        var env = baseEnvironment
        env["FAKE_PLUGIN_COUNTER"] = counter
        let provider = CredentialProvider(source: .exec(try plugin("exec-v1.yaml")), environment: env)
        async let a = provider.current()
        async let b = provider.current()
        let (first, second) = try await (a, b)
        #expect(first.bearerToken?.value == "fake-token-eu-west-1-get-token---cluster-name")
        #expect(second.bearerToken == first.bearerToken)
        _ = try await provider.current()
        #expect(runs() == 1)
        await provider.invalidate()
        _ = try await provider.current()
        #expect(runs() == 2)

        // A credential that expires within the renewal margin is not reused.
        env["FAKE_EXPIRY"] = "2001-01-01T00:00:00Z"
        let expiring = CredentialProvider(source: .exec(try plugin("exec-v1.yaml")), environment: env)
        _ = try await expiring.current()
        _ = try await expiring.current()
        #expect(runs() == 4)
    }
}
