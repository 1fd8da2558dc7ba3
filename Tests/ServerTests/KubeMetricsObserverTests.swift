import Config
import CurlClient
import Foundation
import Kube
import KubeSim
import Server
import Telemetry
import Testing

@Suite("Kubernetes API metrics")
struct KubeMetricsObserverTests {
    static let clusters = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/clusters")

    @Test("the client built from the kubernetes: settings; its requests to kubesim are counted by resource, verb and code, with latency")
    func counted() async throws {
        let cluster = try FixtureLoader(values: ["REGISTRY_AUTH": "127.0.0.1:5999"])
            .load(directory: Self.clusters.appendingPathComponent("rbac-forbids-secrets").path)
        let sim = try await KubeSimServer(cluster: cluster).start()
        let metrics = PullDoctorMetrics(version: "test", revision: "test")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pd-kubeconfig-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("config").path
        try sim.kubeconfig(namespace: "shop").write(toFile: path, atomically: true, encoding: .utf8)
        let transport = CurlClient()
        let client = try KubeClientFactory.make(
            KubernetesConfig(kubeconfig: path, qps: 100, burst: 10), transport: transport, metrics: metrics)

        _ = try await client.pods.list(in: .namespace("shop"))
        _ = try? await client.pods.get("no-such-pod", in: "shop")
        _ = try? await client.secrets.get("shop-registry", in: "shop")
        await sim.stop()
        transport.shutdown()
        try? FileManager.default.removeItem(at: folder)

        let text = String(decoding: metrics.exposition(), as: UTF8.self)
        #expect(text.contains(#"pulldoctor_kube_api_requests_total{resource="pods",verb="list",code="200"} 1"#))
        #expect(text.contains(#"pulldoctor_kube_api_requests_total{resource="pods",verb="get",code="404"} 1"#))
        #expect(text.contains(#"pulldoctor_kube_api_requests_total{resource="secrets",verb="get",code="403"} 1"#))
        #expect(text.contains(#"pulldoctor_kube_api_request_duration_seconds_count{resource="pods",verb="list"} 1"#))
        #expect(text.contains(#"pulldoctor_kube_api_requests_total{resource="nodes",verb="get",code="200"} 0"#), "pre-created at 0")
    }
}
