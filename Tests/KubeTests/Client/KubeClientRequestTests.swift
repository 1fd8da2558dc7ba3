import CurlClient
import Foundation
import Kube
import Testing

/// What the client puts on the wire and how it treats answers, with a scripted transport.
@Suite("KubeClient requests")
struct KubeClientRequestTests {
    static let emptyPodList = #"{"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"1"},"items":[]}"#
    static let pod = #"{"kind":"Pod","apiVersion":"v1","metadata":{"name":"web-1","namespace":"shop"}}"#

    func client(_ transport: ScriptedTransport, credentials: CredentialSource = .token("test-token-not-real"),
                server: String = "https://api.example.com:6443/k8s/clusters/c-1/", observer: RecordingObserver? = nil) -> KubeClient {
        var options = KubeClientOptions()
        options.userAgent = "pulldoctor/1.2.3"
        options.requestTimeout = .seconds(4)
        let connection = KubeConnection(server: server, proxy: .none, credentials: credentials, namespace: "shop")
        return KubeClient(connection: connection, transport: transport, options: options, observer: observer)
    }

    @Test("URL with a path prefix, encoded selectors, headers, bearer token and bounded timeouts")
    func wire() async throws {
        let transport = ScriptedTransport([ScriptedTransport.json(200, Self.emptyPodList), ScriptedTransport.json(200, Self.pod)])
        let client = client(transport)
        _ = try await client.pods.list(in: .namespace("shop"), options: ListOptions(labelSelector: "app in (web,api)", fieldSelector: "status.phase=Pending", limit: 50, continueToken: "a+b/c="))
        _ = try await client.pods.get("web-1")
        let list = try #require(transport.requests.first)
        #expect(list.url == "https://api.example.com:6443/k8s/clusters/c-1/api/v1/namespaces/shop/pods"
            + "?labelSelector=app%20in%20%28web%2Capi%29&fieldSelector=status.phase%3DPending&limit=50&continue=a%2Bb%2Fc%3D")
        #expect(list.method == "GET")
        #expect(list.headers.contains { $0.name == "Accept" && $0.value == "application/json" })
        #expect(list.headers.contains { $0.name == "User-Agent" && $0.value == "pulldoctor/1.2.3" })
        #expect(list.bearerToken?.value == "test-token-not-real")
        #expect(list.timeout <= .seconds(4) && list.timeout > .seconds(3))
        #expect(list.connectTimeout <= .seconds(3))
        #expect(transport.requests.last?.url == "https://api.example.com:6443/k8s/clusters/c-1/api/v1/namespaces/shop/pods/web-1")
    }

    @Test("grouped and cluster-scoped paths, all-namespace lists")
    func paths() async throws {
        let empty = #"{"metadata":{},"items":[]}"#
        let transport = ScriptedTransport(Array(repeating: ScriptedTransport.json(200, empty), count: 3))
        let client = client(transport, server: "https://api.example.com")
        _ = try await client.deployments.list(in: .namespace("shop"))
        _ = try await client.nodes.list(in: .namespace("ignored-for-nodes"))
        _ = try await client.cronJobs.list(in: .all)
        #expect(transport.requests.map(\.url) == [
            "https://api.example.com/apis/apps/v1/namespaces/shop/deployments",
            "https://api.example.com/api/v1/nodes",
            "https://api.example.com/apis/batch/v1/cronjobs",
        ])
    }

    @Test("a 401 with a rotated token file: the file is read again and the request retried once")
    func retryAfterUnauthorized() async throws {
        let folder = try TestFixtures.temporaryDirectory()
        let path = "\(folder)/token"
        try "token-1".write(toFile: path, atomically: true, encoding: .utf8)
        let unauthorized = #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401}"#
        let transport = ScriptedTransport([
            ScriptedTransport.json(200, Self.pod), ScriptedTransport.json(401, unauthorized), ScriptedTransport.json(200, Self.pod),
        ])
        let recorder = RecordingObserver()
        let client = client(transport, credentials: .tokenFile(path: path), observer: recorder)
        _ = try await client.pods.get("web-1")
        try "token-2".write(toFile: path, atomically: true, encoding: .utf8)
        _ = try await client.pods.get("web-1")
        #expect(transport.requests.map { $0.bearerToken?.value } == ["token-1", "token-1", "token-2"])
        #expect(recorder.records.map(\.code) == ["200", "401", "200"])
    }

    @Test("a 401 with a fixed token is not retried, and the message names the source, never the token")
    func unauthorized() async throws {
        let transport = ScriptedTransport([ScriptedTransport.json(401, #"{"kind":"Status","message":"Unauthorized","reason":"Unauthorized","code":401}"#)])
        let error = await #expect(throws: KubeError.self) { try await client(transport).pods.get("web-1") }
        #expect(transport.requests.count == 1)
        #expect(error?.reason == .unauthorized)
        #expect(error?.message.contains("a bearer token from the kubeconfig") == true)
        #expect(error?.message.contains("test-token-not-real") == false)
    }

    @Test("a 2xx body that is not the object is a decoding error with the path")
    func decoding() async throws {
        let transport = ScriptedTransport([
            .success(HTTPResponse(status: 200, headers: [], body: Array("<html>login</html>".utf8), effectiveURL: "")),
            ScriptedTransport.json(200, #"{"metadata":{"name":7}}"#),
        ])
        let client = client(transport)
        let html = await #expect(throws: KubeError.self) { try await client.pods.get("web-1") }
        #expect(html?.reason == .decoding)
        #expect(html?.message.contains("<html>login</html>") == true)
        let wrongType = await #expect(throws: KubeError.self) { try await client.pods.get("web-1") }
        #expect(wrongType?.message.contains("metadata.name") == true)
    }

    @Test("an error without a Status body still gets a message; 5xx is transient")
    func plainErrors() async throws {
        let transport = ScriptedTransport([
            .success(HTTPResponse(status: 503, headers: [("Retry-After", "7")], body: Array("upstream connect error".utf8), effectiveURL: "")),
        ])
        let error = await #expect(throws: KubeError.self) { try await client(transport).pods.list(in: .all) }
        #expect(error?.reason == .serverError)
        #expect(error?.retryAfterSeconds == 7)
        #expect(error?.isTransient == true)
        #expect(error?.message.contains("upstream connect error") == true)
    }

    @Test("an exec plugin's client certificate replaces the kubeconfig's for the request")
    func execCertificate() async throws {
        TestFixtures.ensurePluginsExecutable()
        let loaded = try KubeConfigLoader(environment: [:], serviceAccountDirectory: "/nonexistent")
            .load(kubeconfig: TestFixtures.kubeconfig("exec-v1beta1.yaml"))
        let transport = ScriptedTransport([ScriptedTransport.json(200, Self.pod)])
        let client = KubeClient(connection: loaded, transport: transport, environment: ["PATH": "/usr/bin:/bin"])
        _ = try await client.pods.get("web-1", in: "shop")
        let request = try #require(transport.requests.first)
        #expect(request.tls.clientCertPEM?.contains("TEST-ONLY PLUGIN CERT") == true)
        #expect(request.tls.clientKeyPEM?.value.contains("TEST-ONLY PLUGIN KEY") == true)
        #expect(request.tls.caFile == TestFixtures.kubeconfig("certs/ca.pem"))
        #expect(request.bearerToken == nil)
    }

    @Test("a failing exec plugin fails the call as credentials, reported to the observer")
    func execFailure() async throws {
        TestFixtures.ensurePluginsExecutable()
        let loaded = try KubeConfigLoader(environment: [:], serviceAccountDirectory: "/nonexistent")
            .load(kubeconfig: TestFixtures.kubeconfig("exec-fails.yaml"))
        let transport = ScriptedTransport([])
        let recorder = RecordingObserver()
        let client = KubeClient(connection: loaded, transport: transport, environment: ["PATH": "/usr/bin:/bin"], observer: recorder)
        let error = await #expect(throws: KubeError.self) { try await client.pods.get("web-1", in: "shop") }
        #expect(error?.reason == .credentials)
        #expect(error?.request?.name == "web-1")
        #expect(transport.requests.isEmpty)
        #expect(recorder.records.map(\.code) == ["credentials"])
    }

    @Test("the client-side limiter throttles a burst past the deadline")
    func throttled() async throws {
        var options = KubeClientOptions()
        options.qps = 1
        options.burst = 1
        options.requestTimeout = .milliseconds(200)
        let transport = ScriptedTransport([ScriptedTransport.json(200, Self.pod), ScriptedTransport.json(200, Self.pod)])
        let recorder = RecordingObserver()
        let client = KubeClient(
            connection: KubeConnection(server: "https://api.example.com", proxy: .none), transport: transport,
            options: options, observer: recorder)
        _ = try await client.pods.get("web-1")
        let error = await #expect(throws: KubeError.self) { try await client.pods.get("web-1") }
        #expect(error?.reason == .throttled)
        #expect(transport.requests.count == 1)
        #expect(recorder.records.map(\.code) == ["200", "throttled"])
    }
}
