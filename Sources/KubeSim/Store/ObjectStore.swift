/// The loaded objects, grouped by resource and kept in the API server's storage order (namespace, then name),
/// which is the order lists and continue tokens follow.
///
/// Read-only once built: kubesim serves a fixed cluster, so no locking is needed and every request sees the
/// same `resourceVersion`.
public struct ObjectStore: Sendable {
    private let objects: [ResourceType: [KubeObject]]

    /// The highest resourceVersion of any object: the `metadata.resourceVersion` of every list.
    public let resourceVersion: Int

    /// A store of these objects, each with its resource.
    public init(objects: [(ResourceType, KubeObject)], resourceVersion: Int) {
        var grouped: [ResourceType: [KubeObject]] = [:]
        for (type, object) in objects { grouped[type, default: []].append(object) }
        self.objects = grouped.mapValues { $0.sorted { $0.storageKey < $1.storageKey } }
        self.resourceVersion = resourceVersion
    }

    /// Objects of `type`, in storage order: all of them for `namespace == nil`, else those of that namespace.
    public func list(_ type: ResourceType, namespace: String? = nil) -> [KubeObject] {
        let all = objects[type] ?? []
        guard let namespace else { return all }
        return all.filter { $0.namespace == namespace }
    }

    /// The object of `type` named `name` (in `namespace` for namespaced resources).
    public func get(_ type: ResourceType, namespace: String, name: String) -> KubeObject? {
        objects[type]?.first { $0.name == name && (!type.namespaced || $0.namespace == namespace) }
    }

    /// How many objects of each resource were loaded, for the start-up log.
    public var counts: [(resource: String, count: Int)] {
        ResourceCatalog.all.compactMap { type in
            guard let count = objects[type]?.count, count > 0 else { return nil }
            return (type.qualifiedName, count)
        }
    }
}
