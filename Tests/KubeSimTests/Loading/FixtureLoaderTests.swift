import Foundation
import Testing
@testable import KubeSim

@Suite("Loading fixtures")
struct FixtureLoaderTests {
    let loader = FixtureLoader(values: ["REGISTRY": "127.0.0.1:5000"], now: TestFixtures.now)

    @Test("a kind: List file and a multi-document file both load, in storage order")
    func listAndMultiDocument() throws {
        let cluster = try TestFixtures.basicCluster()
        #expect(cluster.store.list(.pods).map(\.name) == ["api-7c9d-ccccc", "migrate-ddddd", "web-5d8f-aaaaa", "web-5d8f-bbbbb"])
        #expect(cluster.store.list(.events).count == 3)
        #expect(cluster.store.list(.pods, namespace: "shop").count == 3)
        #expect(cluster.warnings.isEmpty)
    }

    @Test("${NAME} takes --set values, ${NAME:-x} falls back, ${NOW-5m} is relative to the load time")
    func placeholders() throws {
        let text = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p, namespace: ns, creationTimestamp: "${NOW-5m}"}
            spec:
              containers:
              - {name: a, image: "${REGISTRY}/a:1"}
              - {name: b, image: "${OTHER:-docker.io}/b:1"}
              - {name: c, image: "${1}/c"}
            """
        let pod = try #require(loader.load(files: [("pod.yaml", text)]).store.list(.pods).first)
        let images = pod.json["spec"]?["containers"]?.arrayValue.compactMap { $0["image"]?.stringValue }
        #expect(images == ["127.0.0.1:5000/a:1", "docker.io/b:1", "${1}/c"])
        #expect(pod.creationTimestamp == "2026-11-21T20:03:00Z")
    }

    @Test("a placeholder without a value names itself and the --set that fixes it")
    func missingPlaceholder() {
        let error = #expect(throws: FixtureError.self) {
            try FixtureLoader().load(files: [("pod.yaml", "kind: Pod\nmetadata: {name: \"${MISSING}\"}\n")])
        }
        #expect(error?.reason == .unresolvedPlaceholder)
        #expect(error?.description == "fixtures: pod.yaml: no value for ${MISSING}: pass --set MISSING=...")
    }

    @Test("stringData is merged into base64 data and dropped, as the API server does on write")
    func stringDataMerged() throws {
        let secret = try #require(TestFixtures.basicCluster().store.get(.secrets, namespace: "shop", name: "regcred"))
        #expect(secret.json["stringData"] == nil)
        let encoded = try #require(secret.json["data"]?[".dockerconfigjson"]?.stringValue)
        let decoded = String(decoding: try #require(Data(base64Encoded: encoded)), as: UTF8.self)
        #expect(decoded == #"{"auths":{"127.0.0.1:5000":{"auth":"Zml4dHVyZTpub3QtcmVhbA=="}}}"#)
    }

    @Test("stringData wins over data for the same key")
    func stringDataWins() throws {
        let text = "kind: Secret\napiVersion: v1\nmetadata: {name: s}\ndata: {a: b2xk, keep: eA==}\nstringData: {a: new}\n"
        let secret = try #require(loader.load(files: [("s.yaml", text)]).store.list(.secrets).first)
        #expect(secret.json["data"]?["a"] == "bmV3")
        #expect(secret.json["data"]?["keep"] == "eA==")
    }

    @Test("missing uid, creationTimestamp, resourceVersion and namespace are filled; present ones are kept")
    func serverSetFields() throws {
        let text = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: bare}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: full, namespace: ns, uid: u-1, resourceVersion: "5000", creationTimestamp: "2026-01-01T00:00:00Z"}
            ---
            apiVersion: v1
            kind: Node
            metadata: {name: n1, namespace: ignored}
            """
        let cluster = try loader.load(files: [("cm.yaml", text)])
        let bare = try #require(cluster.store.get(.configMaps, namespace: "default", name: "bare"))
        #expect(bare.namespace == "default")
        #expect(bare.uid.count == 36)
        #expect(bare.creationTimestamp == "2026-11-21T20:08:00Z")
        #expect(bare.resourceVersion == "5001")
        let full = try #require(cluster.store.get(.configMaps, namespace: "ns", name: "full"))
        #expect(full.uid == "u-1" && full.resourceVersion == "5000" && full.creationTimestamp == "2026-01-01T00:00:00Z")
        #expect(cluster.store.list(.nodes).first?.namespace == "")
        #expect(cluster.store.resourceVersion == 5002)
        // The same object gets the same uid on every load, so golden files stay stable.
        let again = try loader.load(files: [("cm.yaml", text)])
        #expect(again.store.get(.configMaps, namespace: "default", name: "bare")?.uid == bare.uid)
    }

    @Test("an event without involvedObject.uid gets the uid of the pod it names")
    func eventsLinkedToPods() throws {
        let store = try TestFixtures.basicCluster().store
        let failed = try #require(store.get(.events, namespace: "shop", name: "web-5d8f-aaaaa.267606cb8f2a1c44"))
        #expect(failed.json["involvedObject"]?["uid"] == "71a15f82-3298-4dc7-a0d8-a34fe0c9b7d3")
    }

    @Test("items of a typed list (PodList) get their kind from the list")
    func typedList() throws {
        let text = "apiVersion: v1\nkind: PodList\nitems:\n- metadata: {name: a, namespace: x}\n- metadata: {name: b, namespace: x}\n"
        #expect(try loader.load(files: [("pods.yaml", text)]).store.list(.pods).map(\.name) == ["a", "b"])
    }

    @Test("kinds kubesim does not serve are skipped with a warning; duplicates are errors")
    func unknownAndDuplicate() throws {
        let unknown = "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i}\n"
        let cluster = try loader.load(files: [("i.yaml", unknown)])
        #expect(cluster.warnings == ["i.yaml: skipped networking.k8s.io/v1 Ingress i: kubesim does not serve it"])
        let pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n"
        let error = #expect(throws: FixtureError.self) { try loader.load(files: [("a.yaml", pod), ("b.yaml", pod)]) }
        #expect(error?.reason == .duplicateObject)
        #expect(error?.description == "fixtures: b.yaml: pods default/p is already defined in a.yaml")
    }

    @Test("kubesim.yaml is read strictly")
    func simulatorConfig() throws {
        let config = """
            user: system:serviceaccount:x:y
            latency: 250ms
            forbidden:
            - {verb: list, resource: secret, namespace: shop}
            failures:
            - {resource: pods, code: 503, every: 2, times: 3}
            """
        let cluster = try loader.load(files: [], config: config)
        #expect(cluster.config.user == "system:serviceaccount:x:y")
        #expect(cluster.config.latency == [LatencyRule(delay: .milliseconds(250))])
        #expect(cluster.config.forbidden == [AccessRule(verb: "list", resource: "secrets", namespace: "shop")])
        #expect(cluster.config.failures == [FailureRule(resources: ["pods"], code: 503, every: 2, times: 3)])

        let typo = #expect(throws: FixtureError.self) { try loader.load(files: [], config: "latncy: 2s\n") }
        #expect(typo?.reason == .invalidConfig)
        #expect(typo?.message.contains("unknown key(s) latncy") == true)
        let resource = #expect(throws: FixtureError.self) {
            try loader.load(files: [], config: "forbidden: [{resource: ingresses}]\n")
        }
        #expect(resource?.message.contains("kubesim serves no resource \"ingresses\"") == true)
    }

    @Test("every scenario fixture of the project loads without warnings", arguments: FixtureLoaderTests.scenarioNames())
    func scenarioLoads(_ name: String) throws {
        let directory = TestFixtures.scenarios.appendingPathComponent(name).path
        let cluster = try FixtureLoader(values: TestFixtures.scenarioValues).load(directory: directory)
        #expect(!cluster.store.list(.pods).isEmpty)
        #expect(cluster.warnings.isEmpty)
        let text = cluster.store.list(.pods).map { JSONWriter.string($0.json) }.joined()
        #expect(!text.contains("${"), "placeholders left in \(name)")
    }

    static func scenarioNames() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: TestFixtures.scenarios.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") }.sorted()
    }
}
