import Foundation
import Testing
@testable import KubeSim

@Suite("Latency, failures and request counts")
struct FaultInjectionTests {
    func post(_ api: KubeAPI, _ body: String) async -> APIResponse {
        await api.respond(to: APIRequest(method: "POST", path: "/kubesim/faults", body: Array(body.utf8)))
    }

    @Test("POST /kubesim/faults makes matching requests fail with a Status, then clear restores them")
    func injectedFailure() async throws {
        let api = try TestFixtures.basicAPI()
        #expect(await post(api, #"{"status":500,"resources":["pods"]}"#).status == 200)
        let failed = await api.respond(to: APIRequest(path: "/api/v1/namespaces/shop/pods/web-5d8f-aaaaa"))
        #expect(failed.status == 500)
        #expect(failed.bodyText == #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Internal error occurred: kubesim: injected failure","reason":"InternalError","details":{"causes":[{"message":"kubesim: injected failure"}]},"code":500}"#)
        #expect(await api.get("/api/v1/namespaces/shop/events").status == 200, "other resources are untouched")
        #expect(await post(api, #"{"clear":true}"#).status == 200)
        #expect(await api.get("/api/v1/namespaces/shop/pods/web-5d8f-aaaaa").status == 200)
    }

    @Test("every and times pick which requests fail; verbs narrow the rule")
    func everyAndTimes() async throws {
        let api = try TestFixtures.basicAPI()
        _ = await post(api, #"{"status":503,"resources":["events"],"verbs":["list"],"every":2,"times":2}"#)
        var codes: [Int] = []
        for _ in 0..<6 { codes.append(await api.get("/api/v1/events").status) }
        #expect(codes == [200, 503, 200, 503, 200, 200])
        let get = await api.get("/api/v1/namespaces/shop/events/web-5d8f-aaaaa.267606cb55c47d9d")
        #expect(get.status == 200)
    }

    @Test("429 carries Retry-After; 403 uses the authorizer message; 401 is Unauthorized")
    func statusShapes() async throws {
        let api = try TestFixtures.basicAPI()
        _ = await post(api, #"{"status":429,"resources":["pods"]}"#)
        let limited = await api.respond(to: APIRequest(path: "/api/v1/pods"))
        #expect(limited.status == 429)
        #expect(limited.headers.contains { $0.name == "Retry-After" && $0.value == "1" })
        _ = await post(api, #"{"clear":true,"status":403,"resources":["secrets"]}"#)
        #expect(await api.get("/api/v1/namespaces/shop/secrets/regcred").json["reason"] == "Forbidden")
        _ = await post(api, #"{"clear":true,"status":401}"#)
        #expect(await api.get("/api/v1/nodes").json["message"] == "Unauthorized")
    }

    @Test("latency delays only the named resources")
    func latency() async throws {
        let api = try TestFixtures.basicAPI()
        // 5 s of latency on pods: an unaffected call is far below it on any machine.
        _ = await post(api, #"{"latencyMs":5000,"resources":["pods"]}"#)
        let clock = ContinuousClock()
        let slow = await clock.measure { _ = await api.get("/api/v1/pods") }
        let fast = await clock.measure { _ = await api.get("/api/v1/events") }
        #expect(slow >= .seconds(5))
        #expect(fast < .seconds(5))
        // latencyMs 0 for the same resources removes the delay.
        _ = await post(api, #"{"latencyMs":0,"resources":["pods"]}"#)
        #expect(await clock.measure { _ = await api.get("/api/v1/pods") } < .seconds(5))
    }

    @Test("kubesim.yaml latency and failures apply from the start")
    func configuredFaults() async throws {
        let cluster = try FixtureLoader(now: TestFixtures.now).load(
            files: [], config: "latency: 120ms\nfailures: [{resource: nodes, code: 504}]\n")
        let api = KubeAPI(cluster: cluster)
        let clock = ContinuousClock()
        var status = 0
        let elapsed = await clock.measure { status = await api.get("/api/v1/nodes").status }
        #expect(status == 504)
        #expect(elapsed >= .milliseconds(120))
    }

    @Test("malformed fault requests are 400 with a hint")
    func badRequests() async throws {
        let api = try TestFixtures.basicAPI()
        #expect(await post(api, "not json").status == 400)
        let unknown = await post(api, #"{"status":500,"resources":["widgets"]}"#)
        #expect(unknown.status == 400)
        #expect(unknown.bodyText.contains(#"unknown resource \"widgets\""#))
        #expect(await post(api, #"{"status":200}"#).status == 400)
    }

    @Test("GET /kubesim/requests counts requests per verb and resource; DELETE resets")
    func requestCounts() async throws {
        let api = try TestFixtures.basicAPI()
        _ = await api.get("/api/v1/namespaces/shop/pods/web-5d8f-aaaaa")
        _ = await api.get("/api/v1/namespaces/shop/pods/nope")
        _ = await api.get("/api/v1/namespaces/shop/events")
        _ = await api.get("/api/v1")
        let counts = await api.get("/kubesim/requests").json
        #expect(counts["total"] == 3)
        #expect(counts["requests"] == [
            ["count": 1, "resource": "events", "verb": "list"],
            ["count": 2, "resource": "pods", "verb": "get"],
        ])
        #expect(await api.requests.count(verb: "get", resource: "pods") == 2)
        _ = await api.respond(to: APIRequest(method: "DELETE", path: "/kubesim/requests"))
        #expect(await api.get("/kubesim/requests").json["total"] == 0)
    }
}
