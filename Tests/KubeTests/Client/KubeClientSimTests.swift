import CurlClient
import Foundation
import Kube
import KubeSim
import Logging
import Testing

/// The client against kubesim serving the scenario clusters over real HTTP on loopback.
@Suite("KubeClient against kubesim")
struct KubeClientSimTests {
    @Test("get and list every resource of the rbac-forbids-secrets cluster")
    func coreResources() async throws {
        let sim = try await TestFixtures.startKubeSim("rbac-forbids-secrets")
        defer { Task { await sim.stop() } }
        let client = TestFixtures.client(for: sim, namespace: "shop")

        let pods = try await client.pods.list(in: .namespace("shop"))
        #expect(pods.items.map(\.metadata.name) == ["cart-4vlk6mwpmc-hmw4k"])
        // `get` without a namespace uses the connection's.
        let pod = try await client.pods.get("cart-4vlk6mwpmc-hmw4k")
        #expect(pod.containerStatus(named: "cart")?.waitingReason == "ImagePullBackOff")
        #expect(pod.spec?.imagePullSecrets?.first?.name == "shop-registry")

        let replicaSet = try await client.replicaSets.get(try #require(pod.metadata.controller?.name), in: "shop")
        let deployment = try await client.deployments.get(try #require(replicaSet.metadata.controller?.name), in: "shop")
        #expect(deployment.metadata.name == "cart")
        #expect(try await client.deployments.list(in: .all).items.count == 1)
        #expect(try await client.replicaSets.list(in: .namespace("shop")).items.count == 1)

        let account = try await client.serviceAccounts.get(pod.spec?.effectiveServiceAccountName ?? "", in: "shop")
        #expect(account.metadata.name == "default")

        let node = try await client.nodes.get(try #require(pod.spec?.nodeName))
        #expect(node.status?.nodeInfo?.containerRuntimeVersion == "containerd://1.7.22")
        #expect(node.hasDiskPressure == false)
        #expect(try await client.nodes.list().items.map(\.metadata.name) == ["worker-2"])

        let events = try await client.events.about(kind: "Pod", name: "cart-4vlk6mwpmc-hmw4k", namespace: "shop")
        #expect(events.count == 6)
        #expect(events.contains { $0.reason == "Failed" && $0.message?.contains("401 Unauthorized") == true })
        #expect(try await client.events.list(in: .namespace("elsewhere")).items.isEmpty)
    }

    @Test("StatefulSet, Secret, CronJob, Job and DaemonSet")
    func workloads() async throws {
        let data = try await TestFixtures.startKubeSim("statefulset-wrong-tag")
        defer { Task { await data.stop() } }
        let dataClient = TestFixtures.client(for: data, namespace: "data")
        let statefulSet = try await dataClient.statefulSets.get("postgres")
        let pod = try await dataClient.pods.get("postgres-0")
        #expect(pod.metadata.controller?.uid == statefulSet.metadata.uid)
        let secret = try await dataClient.secrets.get("default-token-5dm75")
        #expect(secret.type == "kubernetes.io/service-account-token")
        #expect(try await dataClient.secrets.list(in: .namespace("data")).items.count == 1)

        let reports = try await TestFixtures.startKubeSim("cronjob-job-missing-image")
        defer { Task { await reports.stop() } }
        let reportsClient = TestFixtures.client(for: reports, namespace: "reports")
        let job = try await reportsClient.jobs.get("nightly-export-29920440")
        let cronJob = try await reportsClient.cronJobs.get(try #require(job.metadata.controller?.name))
        #expect(cronJob.spec?.schedule == "0 2 * * *")
        #expect(try await reportsClient.jobs.list(in: .namespace("reports")).items.count == 1)
        #expect(try await reportsClient.cronJobs.list().items.count == 1)

        // No scenario has a DaemonSet: serve the hand-written one.
        let text = String(decoding: try TestFixtures.object("daemonset-node-agent.json"), as: UTF8.self)
        let cluster = try FixtureLoader().load(files: [(name: "daemonset.json", text: text)])
        var logger = Logger(label: "kubesim-test")
        logger.logLevel = .error
        let agents = try await KubeSimServer(cluster: cluster, logger: logger).start()
        defer { Task { await agents.stop() } }
        let agentsClient = TestFixtures.client(for: agents)
        let daemonSet = try await agentsClient.daemonSets.get("node-agent", in: "monitoring")
        #expect(daemonSet.spec?.template?.spec?.containers?.first?.image == "registry.example.com/ops/node-agent:3.2.0")
        #expect(try await agentsClient.daemonSets.list(in: .namespace("monitoring")).items.count == 1)
        #expect(try await agentsClient.daemonSets.list(in: .namespace("default")).items.isEmpty)
    }

    @Test("label and field selectors reach the server intact")
    func selectors() async throws {
        let sim = try await TestFixtures.startKubeSim("mixed-namespace")
        defer { Task { await sim.stop() } }
        let client = TestFixtures.client(for: sim, namespace: "storefront")
        func names(_ options: ListOptions) async throws -> [String] {
            try await client.pods.list(in: .namespace("storefront"), options: options).items.compactMap(\.metadata.name)
        }
        #expect(try await names(ListOptions(labelSelector: "app=cart")).count == 3)
        #expect(try await names(ListOptions(labelSelector: "app in (cart, search)")).count == 6)
        #expect(try await names(ListOptions(labelSelector: "app!=cart,app notin (search)")).allSatisfy { $0.hasPrefix("payments-") })
        let onWorker2 = try await names(ListOptions(fieldSelector: "spec.nodeName=worker-2"))
        #expect(onWorker2.count == 3)
        #expect(try await names(ListOptions(labelSelector: "app=cart", fieldSelector: "spec.nodeName=worker-2")) == ["cart-cbzvrlkrq8-4phln"])
        let warnings = try await client.events.list(in: .namespace("storefront"), options: ListOptions(fieldSelector: "type=Warning"))
        #expect(!warnings.items.isEmpty)
        #expect(warnings.items.allSatisfy { $0.type == "Warning" })

        let error = await #expect(throws: KubeError.self) {
            try await client.pods.list(in: .all, options: ListOptions(fieldSelector: "spec.image=nginx"))
        }
        #expect(error?.reason == .badRequest)
        #expect(error?.message.contains("field label not supported: spec.image") == true)
    }

    @Test("pagination: limit and continue, listAll to the end, and the page bound")
    func pagination() async throws {
        let sim = try await TestFixtures.startKubeSim("mixed-namespace")
        defer { Task { await sim.stop() } }
        let client = TestFixtures.client(for: sim)
        let first = try await client.pods.list(in: .namespace("storefront"), options: ListOptions(limit: 4))
        #expect(first.items.count == 4)
        let token = try #require(first.metadata.nextPageToken)
        #expect(first.metadata.remainingItemCount == 5)
        let second = try await client.pods.list(in: .namespace("storefront"), options: ListOptions(limit: 4, continueToken: token))
        #expect(Set(second.items.map(\.metadata.name)).isDisjoint(with: first.items.map(\.metadata.name)))

        var paged = KubeClientOptions()
        paged.pageSize = 4
        let before = await sim.api.requests.count(verb: "list", resource: "pods")
        let all = try await TestFixtures.client(for: sim, options: paged).pods.listAll(in: .namespace("storefront"))
        #expect(all.items.count == 9)
        #expect(Set(all.items.compactMap(\.metadata.name)).count == 9)
        #expect(all.metadata.nextPageToken == nil)
        #expect(await sim.api.requests.count(verb: "list", resource: "pods") - before == 3)

        paged.maxPages = 2
        let bounded = try await TestFixtures.client(for: sim, options: paged).pods.listAll(in: .all)
        #expect(bounded.items.count == 8)
        #expect(bounded.metadata.nextPageToken != nil)
    }

    @Test("NotFound says what is missing where")
    func notFound() async throws {
        let sim = try await TestFixtures.startKubeSim("wrong-tag")
        defer { Task { await sim.stop() } }
        let error = await #expect(throws: KubeError.self) {
            try await TestFixtures.client(for: sim).pods.get("web-gone", in: "shop")
        }
        #expect(error?.reason == .notFound)
        #expect(error?.httpStatus == 404)
        #expect(error?.status?.reason == "NotFound")
        #expect(error?.message.contains("pods \"web-gone\" was not found in namespace \"shop\"") == true)
        #expect(error?.request?.verb == "get")
    }

    @Test("Forbidden (rbac-forbids-secrets): who lacks which verb where, and the rule that grants it")
    func forbidden() async throws {
        let sim = try await TestFixtures.startKubeSim("rbac-forbids-secrets")
        defer { Task { await sim.stop() } }
        let client = TestFixtures.client(for: sim, namespace: "shop")
        let get = await #expect(throws: KubeError.self) { try await client.secrets.get("shop-registry", in: "shop") }
        #expect(get?.reason == .forbidden)
        #expect(get?.httpStatus == 403)
        let hint = try #require(get?.rbac)
        #expect(hint.verb == "get")
        #expect(hint.resource == KubeSecret.resource)
        #expect(hint.namespace == "shop")
        #expect(hint.user == "system:serviceaccount:pulldoctor:pulldoctor")
        let message = get?.message ?? ""
        #expect(message.contains("\"system:serviceaccount:pulldoctor:pulldoctor\" may not get secrets in namespace \"shop\""))
        #expect(message.contains("kubectl create role pulldoctor-read --verb=get,list --resource=secrets -n shop"))
        #expect(message.contains("- apiGroups: [\"\"] resources: [\"secrets\"] verbs: [\"get\", \"list\"]"))

        let list = await #expect(throws: KubeError.self) { try await client.secrets.list(in: .namespace("shop")) }
        #expect(list?.rbac?.verb == "list")
        // Other resources stay readable.
        #expect(try await client.pods.list(in: .namespace("shop")).items.count == 1)
    }

    @Test("the observer sees resource, verb, code and duration of every request")
    func observer() async throws {
        let sim = try await TestFixtures.startKubeSim("rbac-forbids-secrets")
        defer { Task { await sim.stop() } }
        let recorder = RecordingObserver()
        let client = TestFixtures.client(for: sim, namespace: "shop", observer: recorder)
        _ = try await client.pods.get("cart-4vlk6mwpmc-hmw4k")
        _ = try? await client.pods.get("missing")
        _ = try? await client.secrets.list(in: .namespace("shop"))
        _ = try await client.nodes.list()
        let records = recorder.records
        #expect(records.map { "\($0.verb) \($0.resource) \($0.code)" } == [
            "get pods 200", "get pods 404", "list secrets 403", "list nodes 200",
        ])
        #expect(records.allSatisfy { $0.duration > .zero && $0.duration < .seconds(5) })
    }

    @Test("a closed port is a transport error, reported to the observer by kind")
    func closedPort() async throws {
        let sim = try await TestFixtures.startKubeSim("wrong-tag")
        await sim.stop()
        let recorder = RecordingObserver()
        let client = TestFixtures.client(for: sim, observer: recorder)
        let error = await #expect(throws: KubeError.self) { try await client.pods.list(in: .all) }
        #expect(error?.reason == .transport(.connectionRefused))
        #expect(error?.reason.label == "transport_connection_refused")
        #expect(error?.message.contains("nothing listens") == true)
        #expect(recorder.records.map(\.code) == ["connection_refused"])
    }

    @Test("every call has a deadline: a slow API server fails the call at requestTimeout")
    func deadline() async throws {
        let sim = try await TestFixtures.startKubeSim("wrong-tag")
        defer { Task { await sim.stop() } }
        try await Self.postFaults(sim, #"{"latencyMs": 3000, "resources": ["pods"]}"#)
        var options = KubeClientOptions()
        options.requestTimeout = .milliseconds(600)
        options.connectTimeout = .milliseconds(200)
        let client = TestFixtures.client(for: sim, options: options)
        let start = ContinuousClock.now
        let error = await #expect(throws: KubeError.self) { try await client.pods.list(in: .all) }
        // The TCP connect succeeded; the total deadline fired.
        #expect(error?.reason == .transport(.timeout))
        #expect(error?.message.contains("did not answer within the request deadline") == true)
        #expect(ContinuousClock.now - start < .seconds(3), "gave up at the deadline, before the 3 s answer")
        // Other resources are not slowed down.
        #expect(try await client.nodes.list().items.count == 1)
    }

    @Test("429 from the server: tooManyRequests with the Retry-After")
    func tooManyRequests() async throws {
        let sim = try await TestFixtures.startKubeSim("wrong-tag")
        defer { Task { await sim.stop() } }
        try await Self.postFaults(sim, #"{"status": 429, "resources": ["events"], "times": 1}"#)
        let client = TestFixtures.client(for: sim)
        let error = await #expect(throws: KubeError.self) { try await client.events.list(in: .all) }
        #expect(error?.reason == .tooManyRequests)
        #expect(error?.retryAfterSeconds == 1)
        #expect(error?.isTransient == true)
        #expect(try await client.events.list(in: .all).items.count == 6)
    }

    /// Changes kubesim's injected faults through its admin endpoint.
    static func postFaults(_ sim: RunningKubeSim, _ body: String) async throws {
        let response = try await TestFixtures.curl.send(HTTPRequest(
            method: "POST", url: sim.baseURL + "/kubesim/faults", headers: [("Content-Type", "application/json")],
            body: Array(body.utf8), proxy: .none))
        #expect(response.status == 200, "\(response.text)")
    }
}
