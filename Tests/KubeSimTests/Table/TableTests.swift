import Foundation
import Testing
@testable import KubeSim

@Suite("Server-side tables")
struct TableTests {
    static let tableAccept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json"

    /// The cells of each row, as strings, with the column names.
    func table(_ path: String, query: [String: String] = [:]) async throws -> (columns: [String], rows: [[String]], json: JSONValue) {
        let api = try TestFixtures.basicAPI()
        let response = await api.respond(to: APIRequest(path: path, query: query, accept: Self.tableAccept))
        #expect(response.contentType == "application/json;as=Table;v=v1;g=meta.k8s.io")
        let json = try JSONDecoder().decode(JSONValue.self, from: Data(response.body))
        #expect(json["kind"] == "Table" && json["apiVersion"] == "meta.k8s.io/v1")
        let columns = json["columnDefinitions"]?.arrayValue.compactMap { $0["name"]?.stringValue } ?? []
        let rows = (json["rows"]?.arrayValue ?? []).map { row in
            (row["cells"]?.arrayValue ?? []).map { $0.stringValue ?? $0.selectorText }
        }
        return (columns, rows, json)
    }

    @Test("pods: READY STATUS RESTARTS AGE as a real cluster prints them")
    func pods() async throws {
        let table = try await table("/api/v1/pods")
        #expect(table.columns == ["Name", "Ready", "Status", "Restarts", "Age", "IP", "Node", "Nominated Node", "Readiness Gates"])
        #expect(table.rows.map { Array($0.prefix(5)) } == [
            ["api-7c9d-ccccc", "1/1", "Running", "2 (128m ago)", "36h"],
            ["migrate-ddddd", "0/1", "Init:ImagePullBackOff", "0", "68m"],
            ["web-5d8f-aaaaa", "0/1", "ErrImagePull", "0", "51m"],
            ["web-5d8f-bbbbb", "0/1", "ImagePullBackOff", "0", "51m"],
        ])
        #expect(table.rows[2].suffix(4) == ["10.244.1.47", "worker-1", "<none>", "<none>"])
        // Rows carry PartialObjectMetadata by default: kubectl -A reads the namespace column from it.
        let object = table.json["rows"]?.arrayValue.first?["object"]
        #expect(object?["kind"] == "PartialObjectMetadata")
        #expect(object?["metadata"]?["namespace"] == "default")
        #expect(object?["spec"] == nil)
    }

    @Test("includeObject=Object puts the whole object in each row, None leaves it out")
    func includeObject() async throws {
        let full = try await table("/api/v1/namespaces/shop/pods/web-5d8f-aaaaa", query: ["includeObject": "Object"])
        #expect(full.rows.count == 1)
        #expect(full.json["rows"]?.arrayValue.first?["object"]?["spec"]?["nodeName"] == "worker-1")
        let none = try await table("/api/v1/namespaces/shop/pods", query: ["includeObject": "None"])
        #expect(none.json["rows"]?.arrayValue.allSatisfy { $0["object"] == nil } == true)
    }

    @Test("events: LAST SEEN TYPE REASON OBJECT MESSAGE")
    func events() async throws {
        let table = try await table("/api/v1/namespaces/shop/events")
        #expect(table.columns.filter { !["Subobject", "Source", "First Seen", "Count", "Name"].contains($0) } == ["Last Seen", "Type", "Reason", "Object", "Message"])
        #expect(table.rows.map { Array($0.prefix(4)) } == [
            ["43m", "Normal", "Pulling", "pod/web-5d8f-aaaaa"],
            ["43m", "Warning", "Failed", "pod/web-5d8f-aaaaa"],
            ["42m", "Normal", "BackOff", "pod/web-5d8f-bbbbb"],
        ])
        #expect(table.rows[1][6].hasPrefix(#"Failed to pull image "127.0.0.1:5000/shop/web:v2.1-missing": rpc error: code = NotFound"#))
        #expect(table.rows[1][5] == "kubelet, worker-1")
        #expect(table.rows[1][8] == "4")
    }

    @Test("nodes: STATUS ROLES AGE VERSION; deployments: READY UP-TO-DATE AVAILABLE AGE; others NAME AGE")
    func otherKinds() async throws {
        let nodes = try await table("/api/v1/nodes")
        #expect(Array(nodes.columns.prefix(5)) == ["Name", "Status", "Roles", "Age", "Version"])
        #expect(Array(nodes.rows[0].prefix(5)) == ["worker-1", "Ready", "worker", "267d", "v1.29.8"])
        let deployments = try await table("/apis/apps/v1/namespaces/shop/deployments")
        #expect(Array(deployments.columns.prefix(5)) == ["Name", "Ready", "Up-to-date", "Available", "Age"])
        #expect(deployments.rows[0] == ["web", "0/2", "2", "0", "264d", "web", "127.0.0.1:5000/shop/web:v2.1-missing", "app=web"])
        let secrets = try await table("/api/v1/namespaces/shop/secrets")
        #expect(secrets.columns == ["Name", "Age"])
        #expect(secrets.rows == [["locked", "264d"], ["regcred", "264d"]])
    }

    @Test("a list page as a Table keeps the continue token")
    func pagedTable() async throws {
        let page = try await table("/api/v1/pods", query: ["limit": "2"])
        #expect(page.rows.count == 2)
        #expect(page.json["metadata"]?["continue"]?.stringValue?.isEmpty == false)
        #expect(page.json["metadata"]?["remainingItemCount"] == 2)
    }

    @Test(
        "ages read the way kubectl prints them",
        arguments: [
            (0.0, "0s"), (-1.5, "0s"), (-5.0, "<invalid>"), (59, "59s"), (119, "119s"), (120, "2m"), (330, "5m30s"),
            (600, "10m"), (10_799, "179m"), (10_800, "3h"), (12_600, "3h30m"), (28_800, "8h"), (172_800, "2d"),
            (190_800, "2d5h"), (691_200, "8d"), (63_072_000, "2y"), (64_800_000, "2y20d"), (300_000_000, "9y"),
        ])
    func humanDuration(seconds: Double, text: String) {
        #expect(HumanDuration.format(seconds) == text)
    }

    @Test("pod STATUS follows the printer's precedence")
    func podStatusPrecedence() throws {
        func status(_ yaml: String) throws -> String {
            let pod = KubeObject(try JSONValue.document(fromYAML: yaml))
            return PodStatusSummary(pod: pod, now: TestFixtures.now).status
        }
        #expect(try status("status: {phase: Pending}") == "Pending")
        #expect(try status("status: {phase: Failed, reason: Evicted}") == "Evicted")
        #expect(try status("""
            spec: {containers: [{name: a}, {name: b}]}
            status:
              phase: Pending
              containerStatuses:
              - {name: a, state: {waiting: {reason: InvalidImageName}}}
              - {name: b, ready: true, state: {running: {}}}
            """) == "InvalidImageName")
        #expect(try status("""
            spec: {initContainers: [{name: i1}, {name: i2}], containers: [{name: a}]}
            status:
              phase: Pending
              initContainerStatuses:
              - {name: i1, state: {terminated: {exitCode: 0, reason: Completed}}}
              - {name: i2, state: {waiting: {reason: PodInitializing}}}
            """) == "Init:1/2")
        #expect(try status("""
            spec: {initContainers: [{name: i1}], containers: [{name: a}]}
            status:
              phase: Pending
              initContainerStatuses:
              - {name: i1, state: {terminated: {exitCode: 2}}}
            """) == "Init:ExitCode:2")
        #expect(try status("""
            metadata: {deletionTimestamp: "2026-11-21T20:00:00Z"}
            status: {phase: Running}
            """) == "Terminating")
        #expect(try status("""
            spec: {containers: [{name: a}]}
            status:
              phase: Running
              containerStatuses:
              - {name: a, state: {terminated: {exitCode: 137, signal: 9}}}
            """) == "Signal:9")
    }
}
