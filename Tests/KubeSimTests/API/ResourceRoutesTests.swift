import Foundation
import Testing
@testable import KubeSim

@Suite("API server semantics")
struct ResourceRoutesTests {
    @Test("get and list, namespaced and cluster-wide, with List kinds and resourceVersion")
    func getAndList() async throws {
        let api = try TestFixtures.basicAPI()
        let all = await api.get("/api/v1/pods")
        #expect(all.status == 200)
        #expect(all.json["kind"] == "PodList" && all.json["apiVersion"] == "v1")
        #expect(all.json["metadata"]?["resourceVersion"] == "477844")
        #expect(all.json.itemNames == ["api-7c9d-ccccc", "migrate-ddddd", "web-5d8f-aaaaa", "web-5d8f-bbbbb"])
        #expect(await api.get("/api/v1/namespaces/shop/pods").json.itemNames.count == 3)
        #expect(await api.get("/api/v1/namespaces/empty/pods").json.itemNames == [])
        let pod = await api.get("/api/v1/namespaces/shop/pods/web-5d8f-aaaaa")
        #expect(pod.json["status"]?["containerStatuses"]?.arrayValue.first?["state"]?["waiting"]?["reason"] == "ErrImagePull")
        #expect(await api.get("/api/v1/namespaces/shop/pods/web-5d8f-aaaaa/status").status == 200)
        #expect(await api.get("/api/v1/nodes/worker-1").json["metadata"]?["name"] == "worker-1")
        #expect(await api.get("/api/v1/namespaces/shop").json["kind"] == "Namespace")
        let deployments = await api.get("/apis/apps/v1/namespaces/shop/deployments")
        #expect(deployments.json["kind"] == "DeploymentList" && deployments.json["apiVersion"] == "apps/v1")
        #expect(await api.get("/apis/apps/v1/replicasets").json.itemNames == ["web-5d8f"])
    }

    @Test("NotFound is the API server's Status, byte for byte")
    func notFound() async throws {
        let api = try TestFixtures.basicAPI()
        let core = await api.respond(to: APIRequest(path: "/api/v1/namespaces/shop/pods/x"))
        #expect(core.status == 404)
        #expect(core.bodyText == #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"pods \"x\" not found","reason":"NotFound","details":{"name":"x","kind":"pods"},"code":404}"#)
        let apps = await api.respond(to: APIRequest(path: "/apis/apps/v1/namespaces/shop/deployments/api"))
        #expect(apps.bodyText == #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"deployments.apps \"api\" not found","reason":"NotFound","details":{"name":"api","group":"apps","kind":"deployments"},"code":404}"#)
        #expect(await api.get("/api/v1/widgets").status == 404)
        #expect(await api.get("/api/v1/pods/x").status == 404)
    }

    @Test("kubesim.yaml forbidden rules answer 403 with the authorizer's message")
    func forbidden() async throws {
        let api = try TestFixtures.basicAPI()
        let refused = await api.respond(to: APIRequest(path: "/api/v1/namespaces/shop/secrets/locked"))
        #expect(refused.status == 403)
        #expect(refused.bodyText == #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"secrets \"locked\" is forbidden: User \"system:serviceaccount:pulldoctor:pulldoctor\" cannot get resource \"secrets\" in API group \"\" in the namespace \"shop\"","reason":"Forbidden","details":{"name":"locked","kind":"secrets"},"code":403}"#)
        // The rule names one secret: the other stays readable, and listing is allowed.
        #expect(await api.get("/api/v1/namespaces/shop/secrets/regcred").status == 200)
        #expect(await api.get("/api/v1/namespaces/shop/secrets").status == 200)

        let cluster = try FixtureLoader(now: TestFixtures.now).load(
            files: [], config: "forbidden: [{verb: list, resource: pods}, {resource: deployments, namespace: shop}]")
        let strict = KubeAPI(cluster: cluster)
        let list = await strict.get("/api/v1/pods")
        #expect(list.json["message"] == #"pods is forbidden: User "system:serviceaccount:pulldoctor:pulldoctor" cannot list resource "pods" in API group "" at the cluster scope"#)
        let deployment = await strict.get("/apis/apps/v1/namespaces/shop/deployments/web")
        #expect(deployment.json["message"] == #"deployments.apps "web" is forbidden: User "system:serviceaccount:pulldoctor:pulldoctor" cannot get resource "deployments" in API group "apps" in the namespace "shop""#)
    }

    @Test("label and field selectors filter lists; an unsupported field is a 400 BadRequest")
    func selectors() async throws {
        let api = try TestFixtures.basicAPI()
        #expect(await api.get("/api/v1/pods", query: ["labelSelector": "app=web,tier"]).json.itemNames == ["web-5d8f-aaaaa"])
        let events = await api.get("/api/v1/namespaces/shop/events", query: [
            "fieldSelector": "involvedObject.name=web-5d8f-aaaaa,involvedObject.namespace=shop,involvedObject.kind=Pod,involvedObject.uid=71a15f82-3298-4dc7-a0d8-a34fe0c9b7d3",
        ])
        #expect(events.json.itemNames.count == 2)
        let bad = await api.respond(to: APIRequest(path: "/api/v1/pods", query: ["fieldSelector": "spec.foo=bar"]))
        #expect(bad.status == 400)
        #expect(bad.bodyText == #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"field label not supported: spec.foo","reason":"BadRequest","code":400}"#)
        #expect(await api.get("/api/v1/pods", query: ["labelSelector": "app in (web"]).status == 400)
    }

    @Test("limit and continue page through a list; remainingItemCount only without selectors")
    func pagination() async throws {
        let api = try TestFixtures.basicAPI()
        var names: [String] = []
        var token = ""
        var remaining: [Int] = []
        for _ in 0..<10 {
            var query = ["limit": "3"]
            if !token.isEmpty { query["continue"] = token }
            let page = await api.get("/api/v1/pods", query: query)
            names += page.json.itemNames
            remaining.append(page.json["metadata"]?["remainingItemCount"]?.intValue ?? 0)
            token = page.json["metadata"]?["continue"]?.stringValue ?? ""
            if token.isEmpty { break }
        }
        #expect(names == ["api-7c9d-ccccc", "migrate-ddddd", "web-5d8f-aaaaa", "web-5d8f-bbbbb"])
        #expect(remaining == [1, 0])

        let filtered = await api.get("/api/v1/pods", query: ["limit": "1", "labelSelector": "app=web"])
        #expect(filtered.json.itemNames == ["web-5d8f-aaaaa"])
        #expect(filtered.json["metadata"]?["continue"] != nil)
        #expect(filtered.json["metadata"]?["remainingItemCount"] == nil)
        let next = await api.get("/api/v1/pods", query: [
            "limit": "1", "labelSelector": "app=web", "continue": filtered.json["metadata"]?["continue"]?.stringValue ?? "",
        ])
        #expect(next.json.itemNames == ["web-5d8f-bbbbb"])
        #expect(next.json["metadata"]?["continue"] == nil)
        #expect(await api.get("/api/v1/pods", query: ["continue": "garbage"]).status == 400)
    }

    @Test("discovery documents list groups and resources as kubectl reads them")
    func discovery() async throws {
        let api = try TestFixtures.basicAPI()
        #expect(await api.get("/api").json["versions"] == ["v1"])
        let groups = await api.get("/apis").json["groups"]?.arrayValue.compactMap { $0["name"]?.stringValue }
        #expect(groups == ["apps", "batch"])
        let core = await api.get("/api/v1").json
        let pods = core["resources"]?.arrayValue.first { $0["name"] == "pods" }
        #expect(pods?["kind"] == "Pod" && pods?["namespaced"] == true && pods?["shortNames"] == ["po"])
        #expect(pods?["verbs"] == ["get", "list"])
        let nodes = core["resources"]?.arrayValue.first { $0["name"] == "nodes" }
        #expect(nodes?["namespaced"] == false)
        let batch = await api.get("/apis/batch/v1").json
        #expect(batch["groupVersion"] == "batch/v1")
        #expect(batch["resources"]?.arrayValue.compactMap { $0["name"]?.stringValue } == ["jobs", "cronjobs"])
        #expect(await api.get("/version").json["gitVersion"] == "v1.32.0")
        #expect(await api.respond(to: APIRequest(path: "/openapi/v2")).status == 404)
    }

    @Test("writes and watches are refused with MethodNotAllowed")
    func readOnly() async throws {
        let api = try TestFixtures.basicAPI()
        let delete = await api.respond(to: APIRequest(method: "DELETE", path: "/api/v1/namespaces/shop/pods/web-5d8f-aaaaa"))
        #expect(delete.status == 405)
        #expect(delete.bodyText.contains(#""message":"delete is not supported on resources of kind \"pods\"""#))
        #expect(await api.get("/api/v1/pods", query: ["watch": "true"]).status == 405)
    }
}
