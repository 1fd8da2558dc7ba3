import CurlClient
import Foundation
import Kube
import Testing

@Suite("KubeConfigLoader")
struct KubeConfigLoaderTests {
    let loader = KubeConfigLoader(environment: ["PATH": "/usr/bin:/bin"], serviceAccountDirectory: "/nonexistent")
    let certs = TestFixtures.kubeconfig("certs")

    @Test("a token user with a CA file relative to the kubeconfig")
    func token() throws {
        let connection = try loader.load(kubeconfig: TestFixtures.kubeconfig("token.yaml"))
        #expect(connection.server == "https://prod.example.com:6443")
        #expect(connection.namespace == "shop")
        #expect(connection.tls.caFile == "\(certs)/ca.pem")
        #expect(connection.tls.caPEM == nil)
        #expect(connection.tls.insecureSkipVerify == false)
        guard case .token(let token) = connection.credentials else {
            Issue.record("expected a token, got \(connection.credentials)")
            return
        }
        #expect(token.value == "test-token-not-real")
        #expect(connection.origin.contains("context prod"))
    }

    @Test("a tokenFile relative to the kubeconfig, insecure-skip-tls-verify and proxy-url")
    func tokenFile() throws {
        let connection = try loader.load(kubeconfig: TestFixtures.kubeconfig("token-file.yaml"))
        guard case .tokenFile(let path) = connection.credentials else {
            Issue.record("expected a token file, got \(connection.credentials)")
            return
        }
        #expect(path == TestFixtures.kubeconfig("tokens/token.txt"))
        #expect(connection.tls.insecureSkipVerify)
        #expect(connection.proxy == .url("http://127.0.0.1:3128", noProxy: nil))
        #expect(connection.namespace == "default")
    }

    @Test("client certificate and key as files, CA as data")
    func clientCertificateFiles() throws {
        let connection = try loader.load(kubeconfig: TestFixtures.kubeconfig("client-cert-files.yaml"))
        #expect(connection.tls.clientCertFile == "\(certs)/client.pem")
        #expect(connection.tls.clientKeyFile == "\(certs)/client-key.pem")
        let caPEM = try String(contentsOfFile: "\(certs)/ca.pem", encoding: .utf8)
        #expect(connection.tls.caPEM == caPEM)
        guard case .none = connection.credentials else {
            Issue.record("a certificate user sends no token, got \(connection.credentials)")
            return
        }
    }

    @Test("client certificate and key as -data, decoded from base64; tls-server-name warned about")
    func clientCertificateData() throws {
        let connection = try loader.load(kubeconfig: TestFixtures.kubeconfig("client-cert-data.yaml"))
        #expect(connection.tls.clientCertPEM == (try String(contentsOfFile: "\(certs)/client.pem", encoding: .utf8)))
        #expect(connection.tls.clientKeyPEM?.value == (try String(contentsOfFile: "\(certs)/client-key.pem", encoding: .utf8)))
        #expect(connection.tls.clientCertFile == nil)
        #expect(connection.warnings.count == 1)
        #expect(connection.warnings.first?.contains("tls-server-name") == true)
    }

    @Test("basic auth")
    func basicAuth() throws {
        let connection = try loader.load(kubeconfig: TestFixtures.kubeconfig("basic-auth.yaml"))
        guard case .basic(let username, let password) = connection.credentials else {
            Issue.record("expected basic auth, got \(connection.credentials)")
            return
        }
        #expect(username == "admin")
        #expect(password.value == "test-password-not-real")
        #expect(!"\(connection.credentials)".contains("test-password"))
    }

    @Test("the current context, and a context override")
    func contextOverride() throws {
        let path = TestFixtures.kubeconfig("multi-context.yaml")
        let current = try loader.load(kubeconfig: path)
        #expect(current.server == "https://east.example.com")
        #expect(current.namespace == "payments")
        let west = try loader.load(kubeconfig: path, context: "west")
        #expect(west.server == "https://west.example.com")
        #expect(west.namespace == "orders")
        guard case .token(let token) = west.credentials else {
            Issue.record("expected a token")
            return
        }
        #expect(token.value == "west-token-not-real")
    }

    @Test("an unknown context, and a context naming an unknown cluster, are config errors naming them")
    func badContexts() {
        let path = TestFixtures.kubeconfig("multi-context.yaml")
        let unknown = #expect(throws: KubeError.self) { try loader.load(kubeconfig: path, context: "north") }
        #expect(unknown?.reason == .config)
        #expect(unknown?.message.contains("\"north\"") == true)
        #expect(unknown?.message.contains("east, west") == true)
        let broken = #expect(throws: KubeError.self) { try loader.load(kubeconfig: path, context: "broken") }
        #expect(broken?.message.contains("\"nowhere\"") == true)
    }

    @Test("KUBECONFIG merges with kubectl's rules: first definition wins, first current-context wins, paths stay per file")
    func merge() throws {
        let first = TestFixtures.kubeconfig("merge-first.yaml")
        let second = TestFixtures.kubeconfig("nested/merge-second.yaml")
        let missing = TestFixtures.kubeconfig("does-not-exist.yaml")
        let env = ["KUBECONFIG": "\(first):\(missing)::\(second)"]
        let merged = try KubeConfigLoader(environment: env, serviceAccountDirectory: "/nonexistent").load()
        // current-context comes from the second file (the first sets none), but the "shared" cluster and
        // user come from the first file, which defined them first.
        #expect(merged.server == "https://first.example.com")
        guard case .token(let token) = merged.credentials else {
            Issue.record("expected a token")
            return
        }
        #expect(token.value == "first-token-not-real")

        let secondOnly = try KubeConfigLoader(environment: env, serviceAccountDirectory: "/nonexistent").load(context: "second-ctx")
        #expect(secondOnly.server == "https://only-second.example.com")
        #expect(secondOnly.tls.caFile == TestFixtures.kubeconfig("nested/ca-second.pem"))
        guard case .tokenFile(let path) = secondOnly.credentials else {
            Issue.record("expected a token file")
            return
        }
        #expect(path == TestFixtures.kubeconfig("nested/second-token.txt"))

        let reversed = try KubeConfigLoader(environment: ["KUBECONFIG": "\(second):\(first)"], serviceAccountDirectory: "/nonexistent").load()
        #expect(reversed.server == "https://second.example.com")
    }

    @Test("KUBECONFIG naming only missing files is a config error; an explicit missing path too")
    func missingFiles() {
        let env = ["KUBECONFIG": "/nonexistent/a:/nonexistent/b"]
        let error = #expect(throws: KubeError.self) { try KubeConfigLoader(environment: env).load() }
        #expect(error?.reason == .config)
        let explicit = #expect(throws: KubeError.self) { try loader.load(kubeconfig: "/nonexistent/config") }
        #expect(explicit?.message.contains("/nonexistent/config") == true)
    }

    @Test("a legacy auth-provider is refused with the way out")
    func authProvider() {
        let error = #expect(throws: KubeError.self) { try loader.load(kubeconfig: TestFixtures.kubeconfig("auth-provider.yaml")) }
        #expect(error?.reason == .config)
        #expect(error?.message.contains("gcp") == true)
        #expect(error?.message.contains("exec") == true)
    }

    @Test("invalid YAML and invalid base64 are config errors naming the file")
    func invalidFiles() throws {
        let folder = try TestFixtures.temporaryDirectory()
        let yaml = "\(folder)/broken.yaml"
        try "clusters: [ {name: a, cluster: {server: x}".write(toFile: yaml, atomically: true, encoding: .utf8)
        let syntax = #expect(throws: KubeError.self) { try loader.load(kubeconfig: yaml) }
        #expect(syntax?.message.contains(yaml) == true)
        let data = "\(folder)/data.yaml"
        try """
            clusters: [{name: a, cluster: {server: "https://a", certificate-authority-data: "%%%not-base64"}}]
            contexts: [{name: a, context: {cluster: a}}]
            current-context: a
            """.write(toFile: data, atomically: true, encoding: .utf8)
        let base64 = #expect(throws: KubeError.self) { try loader.load(kubeconfig: data) }
        #expect(base64?.message.contains("certificate-authority-data") == true)
    }

    @Test("discovery order: KUBECONFIG, then in-cluster, then ~/.kube/config")
    func discoveryOrder() throws {
        let home = try TestFixtures.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: "\(home)/.kube", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: TestFixtures.kubeconfig("basic-auth.yaml"), toPath: "\(home)/.kube/config")
        let serviceAccount = try InClusterConfigTests.makeServiceAccountFolder(token: "sa-token", namespace: "pulldoctor")
        let podEnv = ["HOME": home, "KUBERNETES_SERVICE_HOST": "10.96.0.1", "KUBERNETES_SERVICE_PORT": "443"]

        let inPod = try KubeConfigLoader(environment: podEnv, serviceAccountDirectory: serviceAccount).load()
        #expect(inPod.server == "https://10.96.0.1:443")
        var withKubeconfig = podEnv
        withKubeconfig["KUBECONFIG"] = TestFixtures.kubeconfig("token.yaml")
        #expect(try KubeConfigLoader(environment: withKubeconfig, serviceAccountDirectory: serviceAccount).load().server
            == "https://prod.example.com:6443")
        let laptop = try KubeConfigLoader(environment: ["HOME": home], serviceAccountDirectory: serviceAccount).load()
        #expect(laptop.server == "https://old.example.com")
    }
}
