import Foundation
import Testing
@testable import KubeSim

@Suite("kube-state-metrics exposition")
struct KubeStateMetricsTests {
    static let golden = TestFixtures.directory.appendingPathComponent("golden/basic-metrics.prom")

    /// The golden file is compared in full. After an intended change, rewrite it with
    /// `KUBESIM_UPDATE_GOLDEN=1 swift test --skip-build --filter KubeStateMetricsTests` and review the diff.
    @Test("/metrics for the basic fixture matches the golden file")
    func golden() async throws {
        let api = try TestFixtures.basicAPI()
        let response = await api.respond(to: APIRequest(path: "/metrics"))
        #expect(response.status == 200)
        #expect(response.contentType == "text/plain; version=0.0.4; charset=utf-8")
        if ProcessInfo.processInfo.environment["KUBESIM_UPDATE_GOLDEN"] == "1" {
            try response.bodyText.write(to: Self.golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: Self.golden, encoding: .utf8)
        #expect(response.bodyText == expected)
    }

    @Test("series follow kube-state-metrics: one waiting reason per waiting container, five phases, owners")
    func seriesShape() throws {
        let text = KubeStateMetrics.render(pods: try TestFixtures.basicCluster().store.list(.pods))
        let lines = text.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("kube_pod_container_status_waiting_reason{") }.count == 3)
        #expect(lines.contains(#"kube_pod_init_container_status_waiting_reason{namespace="shop",pod="migrate-ddddd",uid="4c3b2a19-0f8e-4d7c-9b6a-5f4e3d2c1b0a",container="migrate",reason="ImagePullBackOff"} 1"#))
        #expect(lines.filter { $0.hasPrefix("kube_pod_status_phase{") }.count == 4 * 5)
        #expect(lines.filter { $0.hasPrefix("kube_pod_status_phase{") && $0.hasSuffix(" 1") }.count == 4)
        #expect(lines.contains(#"kube_pod_owner{namespace="shop",pod="web-5d8f-aaaaa",uid="71a15f82-3298-4dc7-a0d8-a34fe0c9b7d3",owner_kind="ReplicaSet",owner_name="web-5d8f",owner_is_controller="true"} 1"#))
        #expect(lines.filter { $0.hasPrefix("# TYPE ") }.count == 5)
    }

    @Test("label values escape quotes, backslashes and newlines")
    func escaping() throws {
        let pod = KubeObject(try JSONValue.document(fromYAML: """
            metadata: {name: p, namespace: n, uid: u}
            status:
              containerStatuses:
              - {name: "a\\"b", state: {waiting: {reason: "x\\\\y\\nz"}}}
            """))
        let text = KubeStateMetrics.render(pods: [pod])
        #expect(text.contains(#"container="a\"b",reason="x\\y\nz"} 1"#))
    }

    @Test("promtool check metrics finds nothing to complain about", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/promtool")))
    func promtool() async throws {
        let text = KubeStateMetrics.render(pods: try TestFixtures.basicCluster().store.list(.pods))
        let result = try await ProcessRunner.run("/usr/bin/promtool", ["check", "metrics"], stdin: text, timeout: .seconds(30))
        #expect(result.status == 0, "promtool: \(result.output)")
        #expect(result.output.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "promtool: \(result.output)")
    }
}
