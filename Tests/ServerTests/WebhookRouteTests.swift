import Config
import CurlClient
import Foundation
import Testing

@Suite("POST /webhook")
struct WebhookRouteTests {
    @Test("a real Alertmanager payload is accepted and counted")
    func accepted() async throws {
        let body = try Fixture.text("webhook/alertmanager-firing.json")
        try await TestServer.with { server in
            let response = try await server.post("/webhook", body: body)
            #expect(response.status == 200)
            #expect(response.text.contains(#""status":"success""#))
            #expect(try await server.metric(#"pulldoctor_webhook_requests_total{code="200"}"#) == 1)
            #expect(try await server.metric(#"pulldoctor_alerts_received_total{status="firing"}"#) ?? 0 >= 1)
            #expect(try await server.metric(#"pulldoctor_webhook_requests_total{code="400"}"#) == 0, "pre-created at 0")
        }
    }

    @Test("a bad payload gets 400 naming the field")
    func badPayload() async throws {
        let body = try Fixture.text("webhook/alertmanager-firing.json")
            .replacingOccurrences(of: #""startsAt": ""#, with: #""startsAt": "x"#)
        try await TestServer.with { server in
            let response = try await server.post("/webhook", body: body)
            #expect(response.status == 400)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
            #expect(json["field"] as? String == "alerts[0].startsAt")
            #expect((json["error"] as? String)?.contains("RFC 3339") == true)
            #expect(response.header("Content-Type") == "application/json")
            #expect(try await server.metric(#"pulldoctor_webhook_requests_total{code="400"}"#) == 1)
        }
    }

    @Test("a body over the limit gets 413")
    func tooLarge() async throws {
        var config = PullDoctorConfig()
        config.web.maxRequestBytes = 4096
        let big = #"{"version":"4","pad":""# + String(repeating: "x", count: 10_000) + #""}"#
        try await TestServer.with(config: config) { server in
            let response = try await server.post("/webhook", body: big)
            #expect(response.status == 413)
            #expect(response.text.contains("max_request_bytes"))
            // A body under the limit still works on the same server.
            let ok = try await server.post("/webhook", body: try Fixture.text("webhook/alertmanager-firing.json"))
            #expect(ok.status == 200)
        }
    }

    @Test("past web.max_in_flight_bytes a webhook gets 503 with Retry-After, and is taken once the others are done")
    func inFlightBudget() async throws {
        var config = PullDoctorConfig()
        config.web.maxInFlightBytes = 2048
        let body = Array(try Fixture.text("webhook/alertmanager-firing.json").utf8)
        #expect(body.count * 2 > 2048 && body.count <= 2048, "the fixture must fit the budget alone, not twice")
        try await TestServer.with(config: config) { server in
            // One webhook stops half-way through its body: its declared length is held from the head on.
            let slow = try PartialRequest(port: server.port, path: "/webhook", body: body, sentBytes: body.count / 2)
            var held = 0.0
            for _ in 0..<200 where held == 0 {
                held = try await server.metric("pulldoctor_webhook_body_bytes_in_flight") ?? 0
                if held == 0 { try await Task.sleep(for: .milliseconds(10)) }
            }
            #expect(held == Double(body.count))

            let refused = try await server.post("/webhook", body: String(decoding: body, as: UTF8.self))
            #expect(refused.status == 503)
            #expect(refused.header("Retry-After") == "1")
            #expect(refused.text.contains("max_in_flight_bytes"))
            #expect(server.logs.captured.joined().contains("webhook deferred"))

            #expect(try slow.finish(body[(body.count / 2)...]) == 200)
            let retried = try await server.post("/webhook", body: String(decoding: body, as: UTF8.self))
            #expect(retried.status == 200, "Alertmanager's retry is taken once the first body is stored")
            #expect(try await server.metric("pulldoctor_webhook_body_bytes_in_flight") == 0)
            #expect(try await server.metric(#"pulldoctor_webhook_requests_total{code="503"}"#) == 1)
            #expect(try await server.metric(#"pulldoctor_webhook_requests_total{code="200"}"#) == 2)
        }
    }

    @Test("a wrong or missing content type gets 415", arguments: ["text/plain", "application/x-www-form-urlencoded", nil] as [String?])
    func unsupportedMediaType(contentType: String?) async throws {
        try await TestServer.with { server in
            let response = try await server.post("/webhook", body: "{}", contentType: contentType)
            #expect(response.status == 415)
            #expect(response.text.contains("application/json"))
        }
    }

    @Test("GET /webhook gets 405 with Allow")
    func wrongMethod() async throws {
        try await TestServer.with { server in
            let response = try await server.get("/webhook")
            #expect(response.status == 405)
            #expect(response.header("Allow") == "POST")
        }
    }
}

@Suite("Webhook auth")
struct WebhookAuthTests {
    static let token = "planted-token-6f1e2d"
    static let password = "planted-password-9a8b"

    static func bearerConfig() -> PullDoctorConfig {
        var config = PullDoctorConfig()
        config.web.auth = WebAuthConfig(bearerToken: Secret(token))
        return config
    }

    static func basicConfig() -> PullDoctorConfig {
        var config = PullDoctorConfig()
        config.web.auth = WebAuthConfig(basicAuth: .init(username: "alertmanager", password: Secret(password)))
        return config
    }

    static func basic(_ user: String, _ password: String) -> String {
        "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
    }

    @Test("bearer token: missing and wrong get 401, right gets 200; nothing secret is logged")
    func bearer() async throws {
        let body = try Fixture.text("webhook/alertmanager-firing.json")
        try await TestServer.with(config: Self.bearerConfig()) { server in
            let missing = try await server.post("/webhook", body: body)
            #expect(missing.status == 401)
            #expect(missing.header("WWW-Authenticate")?.hasPrefix("Bearer") == true)
            let wrong = try await server.post("/webhook", body: body, headers: [("Authorization", "Bearer not-the-token")])
            #expect(wrong.status == 401)
            let prefix = try await server.post("/webhook", body: body, headers: [("Authorization", "Bearer planted-token")])
            #expect(prefix.status == 401, "a prefix of the token is not the token")
            let basic = try await server.post("/webhook", body: body, headers: [("Authorization", Self.basic("a", Self.token))])
            #expect(basic.status == 401)
            let right = try await server.post("/webhook", body: body, headers: [("Authorization", "Bearer \(Self.token)")])
            #expect(right.status == 200)
            #expect(try await server.metric(#"pulldoctor_webhook_requests_total{code="401"}"#) == 4)
            let logs = server.logs.captured.joined()
            #expect(!logs.contains(Self.token))
            #expect(!logs.contains("not-the-token"))
            #expect(logs.contains("unauthorized"))
        }
    }

    @Test("basic auth: wrong user or password gets 401, right pair gets 200")
    func basicAuth() async throws {
        let body = try Fixture.text("webhook/alertmanager-firing.json")
        try await TestServer.with(config: Self.basicConfig()) { server in
            for header in [Self.basic("alertmanager", "nope"), Self.basic("someone", Self.password), "Basic !!!", "Bearer x"] {
                let response = try await server.post("/webhook", body: body, headers: [("Authorization", header)])
                #expect(response.status == 401)
                #expect(response.header("WWW-Authenticate")?.hasPrefix("Basic") == true)
            }
            let right = try await server.post("/webhook", body: body, headers: [("Authorization", Self.basic("alertmanager", Self.password))])
            #expect(right.status == 200)
            #expect(!server.logs.captured.joined().contains(Self.password))
        }
    }

    @Test("auth is checked before the body: a bad body without credentials gets 401, not 400")
    func authFirst() async throws {
        try await TestServer.with(config: Self.bearerConfig()) { server in
            let badBody = try await server.post("/webhook", body: "garbage")
            #expect(badBody.status == 401)
            let badType = try await server.post("/webhook", body: "garbage", contentType: "text/plain")
            #expect(badType.status == 401)
        }
    }
}
