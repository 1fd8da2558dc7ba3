import Foundation

/// The whole of kubesim's HTTP surface as one function from request to response: the Kubernetes API
/// (discovery, get, list), the admin endpoints (`/kubesim/faults`, `/kubesim/requests`) and `/metrics`.
///
/// Resource requests go through, in order: counting, injected latency, injected failure, RBAC refusal, and
/// only then the store.
public struct KubeAPI: Sendable {
    /// The loaded objects.
    public let store: ObjectStore
    /// kubesim.yaml.
    public let config: SimulatorConfig
    /// Latency and failures in force.
    public let faults: FaultInjector
    /// Requests served, per verb and resource.
    public let requests: RequestCounter
    /// The clock table ages are measured with.
    let now: @Sendable () -> Date
    private let routes: ResourceRoutes

    /// The API over a loaded fixture; `now` is injectable so tables can be compared with golden text.
    public init(cluster: FixtureCluster, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = cluster.store
        self.config = cluster.config
        self.faults = FaultInjector(latency: cluster.config.latency, failures: cluster.config.failures)
        self.requests = RequestCounter()
        self.now = now
        self.routes = ResourceRoutes(store: cluster.store, forbidden: cluster.config.forbidden, user: cluster.config.user)
    }

    /// Answers one request.
    public func respond(to request: APIRequest) async -> APIResponse {
        switch request.path {
        case "/kubesim/faults": return await faultsEndpoint(request)
        case "/kubesim/requests": return await requestsEndpoint(request)
        case "/metrics":
            return .text(KubeStateMetrics.render(pods: store.list(.pods)), contentType: KubeStateMetrics.contentType)
        case "/healthz", "/livez", "/readyz":
            return .text("ok")
        default:
            break
        }
        let route = APIRoute(path: request.path)
        guard case .resource(let target) = route else {
            guard request.method == "GET" || request.method == "HEAD" else {
                return .status(StatusBody(code: 405, reason: "MethodNotAllowed", message: "the server does not allow this method on the requested resource"))
            }
            return discovery(route)
        }
        return await resource(target, request: request)
    }

    private func discovery(_ route: APIRoute) -> APIResponse {
        switch route {
        case .version: return .json(Discovery.version(config.serverVersion))
        case .coreVersions: return .json(Discovery.coreVersions)
        case .groups: return .json(Discovery.groupList)
        case .group(let name): return .json(Discovery.group(name))
        case .resourceList(let group): return .json(Discovery.resourceList(group: group))
        case .unknownAPIPath: return .status(.unknownPath())
        case .resource, .other: return .text("404 page not found\n", status: 404)
        }
    }

    private func resource(_ target: ResourceTarget, request: APIRequest) async -> APIResponse {
        let watch = ["true", "1"].contains(request.query["watch"] ?? "")
        let verb: String
        switch request.method {
        case "GET", "HEAD": verb = target.name.isEmpty ? (watch ? "watch" : "list") : "get"
        case "POST": verb = "create"
        case "PUT": verb = "update"
        case "PATCH": verb = "patch"
        case "DELETE": verb = target.name.isEmpty ? "deletecollection" : "delete"
        default: verb = request.method.lowercased()
        }
        await requests.record(verb: verb, resource: target.type.plural)
        let decision = await faults.decide(verb: verb, resource: target.type.plural)
        if decision.delay > .zero {
            try? await Task.sleep(for: decision.delay)
        }
        if let code = decision.failureCode {
            return .status(.injected(
                code: code, type: target.type, verb: verb, namespace: target.namespace, name: target.name, user: config.user))
        }
        guard verb == "get" || verb == "list" else {
            // kubesim serves a fixed cluster: no writes, and no watch streams.
            return .status(.methodNotSupported(target.type, action: verb))
        }
        return routes.respond(to: target, verb: verb, request: request, now: now())
    }

    private func faultsEndpoint(_ request: APIRequest) async -> APIResponse {
        switch request.method {
        case "GET":
            return .json(await faults.state)
        case "DELETE":
            await faults.apply(FaultChange(clear: true))
            return .json(await faults.state)
        case "POST", "PUT":
            guard let change = try? JSONDecoder().decode(FaultChange.self, from: Data(request.body)) else {
                return .status(.badRequest("kubesim: the body must be JSON like {\"latencyMs\":200,\"status\":500,\"resources\":[\"pods\"],\"clear\":true}"))
            }
            if let problem = change.problem() { return .status(.badRequest("kubesim: \(problem)")) }
            await faults.apply(change)
            return .json(await faults.state)
        default:
            return .status(StatusBody(code: 405, reason: "MethodNotAllowed", message: "kubesim: use GET, POST or DELETE"))
        }
    }

    private func requestsEndpoint(_ request: APIRequest) async -> APIResponse {
        if request.method == "DELETE" || request.method == "POST" {
            await requests.reset()
        }
        return .json(await requests.snapshot)
    }
}
