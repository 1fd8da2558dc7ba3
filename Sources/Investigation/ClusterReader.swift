import Kube

/// The cluster reads the investigation needs, cached and coalesced. Pods and events are read per
/// namespace (one list serves every alert of that namespace), the rest per object.
///
/// Without a cluster (none configured or found) every read fails with the reason, so the diagnosis says
/// the cluster was not read, and the alert is still forwarded.
public struct ClusterReader: Sendable {
    private let connection: Result<KubeClient, KubeError>
    private let cache: ReadCache

    /// - Parameter ttl: how long a read is reused (short: the state of a failing pod changes slowly).
    public init(client: KubeClient, ttl: Duration = .seconds(15)) {
        self.connection = .success(client)
        self.cache = ReadCache(ttl: ttl)
    }

    /// A reader with no cluster behind it: every read throws `error`.
    public init(unavailable error: KubeError) {
        self.connection = .failure(error)
        self.cache = ReadCache(ttl: .zero)
    }

    private var client: KubeClient {
        get throws(KubeError) { try connection.get() }
    }

    /// Every pod of a namespace, by name.
    func pods(in namespace: String) async throws(KubeError) -> [String: Pod] {
        try await cache.value("pods/\(namespace)") { () throws(KubeError) in
            let list = try await client.pods.listAll(in: .namespace(namespace))
            return Dictionary(list.items.map { ($0.metadata.name ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        }
    }

    /// One pod: from the namespace list, else read by name (a pod newer than the list).
    func pod(_ name: String, in namespace: String) async throws(KubeError) -> Pod {
        if let pod = try await pods(in: namespace)[name] { return pod }
        return try await cache.value("pod/\(namespace)/\(name)") { () throws(KubeError) in
            try await client.pods.get(name, in: namespace)
        }
    }

    /// Events about pods of a namespace, by pod name, oldest first.
    func podEvents(in namespace: String) async throws(KubeError) -> [String: [Event]] {
        try await cache.value("events/\(namespace)") { () throws(KubeError) in
            let list = try await client.events.listAll(
                in: .namespace(namespace), options: ListOptions(fieldSelector: "involvedObject.kind=Pod"))
            var byPod: [String: [Event]] = [:]
            for event in list.items {
                byPod[event.involvedObject?.name ?? "", default: []].append(event)
            }
            return byPod.mapValues { $0.sorted { ($0.lastSeen ?? .distantPast) < ($1.lastSeen ?? .distantPast) } }
        }
    }

    /// Pods scheduled on a node, cluster-wide.
    func pods(onNode node: String) async throws(KubeError) -> [Pod] {
        try await cache.value("node-pods/\(node)") { () throws(KubeError) in
            try await client.pods.listAll(in: .all, options: ListOptions(fieldSelector: "spec.nodeName=\(node)")).items
        }
    }

    /// A workload object (ReplicaSet, Deployment, ...) read from its namespace's list, so the workloads of
    /// a storm cost one list per namespace and kind rather than one get each. An object newer than the
    /// list, or a list that is refused, falls back to a get.
    func owner<R: KubeResource>(_ type: R.Type, _ name: String, in namespace: String) async throws(KubeError) -> R {
        let listed = try? await cache.value("\(R.resource.plural)-list/\(namespace)") { () throws(KubeError) -> [String: R] in
            let list = try await client.listAll(R.self, in: .namespace(namespace))
            return Dictionary(list.items.map { ($0.metadata.name ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        }
        if let object = listed?[name] { return object }
        return try await get(R.self, name, in: namespace)
    }

    func get<R: KubeResource>(_ type: R.Type, _ name: String, in namespace: String?) async throws(KubeError) -> R {
        try await cache.value("\(R.resource.plural)/\(namespace ?? "")/\(name)") { () throws(KubeError) in
            try await client.get(R.self, name: name, namespace: namespace)
        }
    }
}
