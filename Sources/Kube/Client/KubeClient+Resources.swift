/// Typed entry points per resource: `client.pods.get("cart-1", in: "shop")`, `client.nodes.listAll()`.
extension KubeClient {
    /// Pods.
    public var pods: ResourceClient<Pod> { ResourceClient(client: self) }
    /// Core/v1 events.
    public var events: ResourceClient<Event> { ResourceClient(client: self) }
    /// ReplicaSets.
    public var replicaSets: ResourceClient<ReplicaSet> { ResourceClient(client: self) }
    /// Deployments.
    public var deployments: ResourceClient<Deployment> { ResourceClient(client: self) }
    /// StatefulSets.
    public var statefulSets: ResourceClient<StatefulSet> { ResourceClient(client: self) }
    /// DaemonSets.
    public var daemonSets: ResourceClient<DaemonSet> { ResourceClient(client: self) }
    /// Jobs.
    public var jobs: ResourceClient<Job> { ResourceClient(client: self) }
    /// CronJobs.
    public var cronJobs: ResourceClient<CronJob> { ResourceClient(client: self) }
    /// Secrets (values stay redacted).
    public var secrets: ResourceClient<KubeSecret> { ResourceClient(client: self) }
    /// ServiceAccounts.
    public var serviceAccounts: ResourceClient<ServiceAccount> { ResourceClient(client: self) }
    /// Nodes (cluster-scoped).
    public var nodes: ResourceClient<Node> { ResourceClient(client: self) }
}

/// The calls for one resource type.
public struct ResourceClient<R: KubeResource>: Sendable {
    /// The client doing the work.
    public let client: KubeClient

    /// Reads the object `name`; `namespace` defaults to the connection's.
    public func get(_ name: String, in namespace: String? = nil) async throws(KubeError) -> R {
        try await client.get(R.self, name: name, namespace: namespace)
    }

    /// Reads one page.
    public func list(in scope: NamespaceScope = .all, options: ListOptions = ListOptions()) async throws(KubeError) -> KubeList<R> {
        try await client.list(R.self, in: scope, options: options)
    }

    /// Reads every page (bounded by `KubeClientOptions.maxPages`).
    public func listAll(in scope: NamespaceScope = .all, options: ListOptions = ListOptions()) async throws(KubeError) -> KubeList<R> {
        try await client.listAll(R.self, in: scope, options: options)
    }
}

extension ResourceClient where R == Event {
    /// The events about one object (`kind` `Pod`, say), as `kubectl describe` finds them: by
    /// `involvedObject` name and kind in the object's namespace.
    public func about(kind: String, name: String, namespace: String) async throws(KubeError) -> [Event] {
        let selector = "involvedObject.kind=\(kind),involvedObject.name=\(name),involvedObject.namespace=\(namespace)"
        return try await client.listAll(Event.self, in: .namespace(namespace), options: ListOptions(fieldSelector: selector)).items
    }
}
