import Config
import CurlClient
import Foundation
import Testing

@Suite("Health, readiness and reload")
struct LifecycleRoutesTests {
    @Test("healthy and ready answer 200")
    func health() async throws {
        try await TestServer.with { server in
            let healthy = try await server.get("/-/healthy")
            #expect(healthy.status == 200 && healthy.text.contains("Healthy"))
            let ready = try await server.get("/-/ready")
            #expect(ready.status == 200 && ready.text.contains("Ready"))
        }
    }

    @Test("reload applies a good file, rejects a bad one and keeps the old config")
    func reload() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pd-reload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("pulldoctor.yml")
        try "web:\n  auth:\n    bearer_token: first-token-1\n".write(to: file, atomically: true, encoding: .utf8)
        let config = try ConfigLoader().load(path: file.path)
        let body = try Fixture.text("webhook/alertmanager-firing.json")
        try await TestServer.with(config: config, configPath: file.path) { server in
            let first = [(name: "Authorization", value: "Bearer first-token-1")]
            let second = [(name: "Authorization", value: "Bearer second-token-2")]
            #expect(try await server.post("/webhook", body: body, headers: first).status == 200)

            // Reload needs the same auth as the webhook.
            #expect(try await server.post("/-/reload", body: "", contentType: nil).status == 401)

            try "web:\n  auth:\n    bearer_token: second-token-2\n".write(to: file, atomically: true, encoding: .utf8)
            let reloaded = try await server.post("/-/reload", body: "", contentType: nil, headers: first)
            #expect(reloaded.status == 200)
            #expect(try await server.post("/webhook", body: body, headers: first).status == 401)
            #expect(try await server.post("/webhook", body: body, headers: second).status == 200)
            #expect(try await server.metric("pulldoctor_config_last_reload_successful") == 1)

            try "web:\n  auth:\n    bearer_tokn: typo\n".write(to: file, atomically: true, encoding: .utf8)
            let rejected = try await server.post("/-/reload", body: "", contentType: nil, headers: second)
            #expect(rejected.status == 500)
            #expect(rejected.text.contains("bearer_tokn") && rejected.text.contains(":3"), "names the field and line")
            #expect(try await server.post("/webhook", body: body, headers: second).status == 200, "old config stays")
            #expect(try await server.metric("pulldoctor_config_last_reload_successful") == 0)
            let logs = server.logs.captured.joined()
            #expect(logs.contains("reload failed"))
            #expect(!logs.contains("second-token-2") && !logs.contains("first-token-1"))
        }
    }

    @Test("reload without a config file says so")
    func reloadWithoutFile() async throws {
        try await TestServer.with { server in
            let response = try await server.post("/-/reload", body: "", contentType: nil)
            #expect(response.status == 400)
            #expect(response.text.contains("--config.file"))
        }
    }
}
