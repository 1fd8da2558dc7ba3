import Foundation
import Logging
import Testing
@testable import KubeSim

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The real kubectl against an in-process kubesim: what a person sees must be what a real cluster shows.
@Suite("kubectl against kubesim", .serialized)
struct KubectlFidelityTests {
    static let kubectl = "/usr/bin/kubectl"
    static var hasKubectl: Bool { FileManager.default.isExecutableFile(atPath: kubectl) }

    /// Server start and stop lines would only clutter the test output.
    static var quietLogger: Logger {
        var logger = Logger(label: "kubesim")
        logger.logLevel = .warning
        return logger
    }

    /// Starts kubesim on a free port, writes a kubeconfig, runs `body`, and always stops the server.
    func withKubectl(
        fixtures: String, values: [String: String], _ body: (_ run: ([String]) async throws -> ProcessRunner.Result) async throws -> Void
    ) async throws {
        let server = KubeSimServer(cluster: try FixtureLoader(values: values).load(directory: fixtures), logger: Self.quietLogger)
        let sim = try await server.start()
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("kubesim-kubectl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let kubeconfig = home.appendingPathComponent("config")
        try sim.kubeconfig().write(to: kubeconfig, atomically: true, encoding: .utf8)
        do {
            try await body { arguments in
                // A private HOME and cache: no discovery cache from another run (or another port) leaks in.
                let environment = ["HOME": home.path, "PATH": "/usr/bin:/bin", "KUBECONFIG": kubeconfig.path]
                let cache = ["--cache-dir", home.appendingPathComponent("cache").path]
                return try await ProcessRunner.run(Self.kubectl, arguments + cache, environment: environment, timeout: .seconds(60))
            }
        } catch {
            await sim.stop()
            try? FileManager.default.removeItem(at: home)
            throw error
        }
        await sim.stop()
        try? FileManager.default.removeItem(at: home)
    }

    @Test("get pods -A, get events, describe pod show the fixture's names, reasons and messages", .enabled(if: hasKubectl))
    func basicFixture() async throws {
        try await withKubectl(fixtures: TestFixtures.basic, values: ["REGISTRY": TestFixtures.registry]) { kubectl in
            let pods = try await kubectl(["get", "pods", "-A"])
            #expect(pods.status == 0, "\(pods.output)")
            let lines = pods.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
            #expect(lines.first == ["NAMESPACE", "NAME", "READY", "STATUS", "RESTARTS", "AGE"])
            #expect(lines.dropFirst().map { Array($0.prefix(4)) } == [
                ["default", "api-7c9d-ccccc", "1/1", "Running"],
                ["shop", "migrate-ddddd", "0/1", "Init:ImagePullBackOff"],
                ["shop", "web-5d8f-aaaaa", "0/1", "ErrImagePull"],
                ["shop", "web-5d8f-bbbbb", "0/1", "ImagePullBackOff"],
            ])

            let events = try await kubectl(["get", "events", "-n", "shop"])
            #expect(events.status == 0, "\(events.output)")
            #expect(events.stdout.hasPrefix("LAST SEEN   TYPE      REASON    OBJECT               MESSAGE\n"))
            #expect(events.stdout.contains(#"Failed to pull image "127.0.0.1:5000/shop/web:v2.1-missing": rpc error: code = NotFound desc = failed to pull and unpack image"#))
            #expect(events.stdout.contains(#"pod/web-5d8f-bbbbb   Back-off pulling image "127.0.0.1:5000/shop/web:v2.1-missing""#))

            let describe = try await kubectl(["describe", "pod", "-n", "shop", "web-5d8f-aaaaa"])
            #expect(describe.status == 0, "\(describe.output)")
            #expect(describe.stdout.contains("Image:          127.0.0.1:5000/shop/web:v2.1-missing"))
            #expect(describe.stdout.contains("State:          Waiting\n      Reason:       ErrImagePull"))
            #expect(describe.stdout.contains("Controlled By:  ReplicaSet/web-5d8f"))
            // Both events, the one whose fixture left out involvedObject.uid included.
            #expect(describe.stdout.contains(#"Normal   Pulling"#))
            #expect(describe.stdout.contains(#"kubelet  Failed to pull image "127.0.0.1:5000/shop/web:v2.1-missing""#))

            let forbidden = try await kubectl(["get", "secret", "locked", "-n", "shop"])
            #expect(forbidden.status != 0)
            #expect(forbidden.stderr.contains(#"Error from server (Forbidden): secrets "locked" is forbidden: User "system:serviceaccount:pulldoctor:pulldoctor" cannot get resource "secrets" in API group "" in the namespace "shop""#))
            let missing = try await kubectl(["get", "pod", "nope", "-n", "shop"])
            #expect(missing.stderr.contains(#"Error from server (NotFound): pods "nope" not found"#))
        }
    }

    @Test("a scenario fixture of the project reads as its README says", .enabled(if: hasKubectl))
    func wrongTagScenario() async throws {
        let directory = TestFixtures.scenarios.appendingPathComponent("wrong-tag").path
        try await withKubectl(fixtures: directory, values: TestFixtures.scenarioValues) { kubectl in
            let pods = try await kubectl(["get", "pods", "-n", "shop"])
            #expect(pods.status == 0, "\(pods.output)")
            #expect(pods.stdout.contains("ErrImagePull"))
            let describe = try await kubectl(["describe", "pod", "-n", "shop", "web-468qtzv6kz-dbmb2"])
            #expect(describe.stdout.contains("Reason:       ErrImagePull"))
            #expect(describe.stdout.contains(#"Failed to pull image "127.0.0.1:15001/shop/web:v2.1-missing""#))
            let deployments = try await kubectl(["get", "deployments", "-n", "shop"])
            #expect(deployments.stdout.hasPrefix("NAME   READY   UP-TO-DATE   AVAILABLE   AGE\n"))
        }
    }

    @Test("start binds a free port and serves plain HTTP until stopped")
    func liveServer() async throws {
        let sim = try await KubeSimServer(cluster: try TestFixtures.basicCluster(), logger: Self.quietLogger).start()
        #expect(sim.port > 0)
        let url = try #require(URL(string: sim.baseURL + "/api/v1/namespaces/shop/pods?labelSelector=app+in+%28web%29&limit=1"))
        let (data, response) = try await URLSession.shared.data(from: url)
        let http = try #require(response as? HTTPURLResponse)
        #expect(http.statusCode == 200)
        #expect(http.value(forHTTPHeaderField: "Content-Type") == "application/json")
        let list = try JSONDecoder().decode(JSONValue.self, from: data)
        #expect(list.itemNames == ["web-5d8f-aaaaa"])
        await sim.stop()
        await #expect(throws: (any Error).self) { _ = try await URLSession.shared.data(from: url) }
    }
}
