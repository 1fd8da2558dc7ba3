import Foundation
@testable import KubeSim

/// Paths and ready-made APIs over the test fixtures.
enum TestFixtures {
    /// `Tests/KubeSimTests/Fixtures`, found from this file's location so tests need no resource bundle.
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The small cluster of unit tests: 4 pods, 3 events, 2 secrets, a deployment, a node.
    static var basic: String { directory.appendingPathComponent("basic").path }

    /// The scenario fixtures shared with the rest of the project.
    static let scenarios = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures").appendingPathComponent("clusters")

    /// The registry the basic fixture's `${REGISTRY}` placeholder points at.
    static let registry = "127.0.0.1:5000"

    /// Values for every placeholder the scenario fixtures use.
    static let scenarioValues = [
        "REGISTRY_OPEN": "127.0.0.1:15001", "REGISTRY_AUTH": "127.0.0.1:15002", "REGISTRY_TLS": "127.0.0.1:15003",
    ]

    /// A fixed "now", 43 minutes after the basic fixture's last event, so ages are stable.
    static let now = KubeTime.parse("2026-11-21T20:08:00Z")!

    /// The basic fixture, loaded.
    static func basicCluster() throws -> FixtureCluster {
        try FixtureLoader(values: ["REGISTRY": registry], now: now).load(directory: basic)
    }

    /// The API over the basic fixture, with the fixed clock.
    static func basicAPI() throws -> KubeAPI {
        KubeAPI(cluster: try basicCluster(), now: { now })
    }
}

extension KubeAPI {
    /// GET `path` with query parameters, parsing the JSON answer.
    func get(_ path: String, query: [String: String] = [:], accept: String = "application/json") async -> (status: Int, json: JSONValue) {
        let response = await respond(to: APIRequest(path: path, query: query, accept: accept))
        let json = (try? JSONDecoder().decode(JSONValue.self, from: Data(response.body))) ?? .null
        return (response.status, json)
    }
}

extension JSONValue {
    /// The `metadata.name` of each item of a list.
    var itemNames: [String] {
        (self["items"]?.arrayValue ?? []).compactMap { $0["metadata"]?["name"]?.stringValue }
    }
}
