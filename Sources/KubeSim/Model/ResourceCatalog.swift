/// The fixed set of resources kubesim serves, and look-ups into it.
public enum ResourceCatalog {
    /// Every served resource, in discovery order.
    public static let all: [ResourceType] = [
        .pods, .events, .secrets, .serviceAccounts, .configMaps, .services, .nodes, .namespaces,
        .replicaSets, .deployments, .statefulSets, .daemonSets,
        .jobs, .cronJobs,
    ]

    /// The API groups other than core, in discovery order.
    public static let groups: [String] = ["apps", "batch"]

    /// The resources of one group (empty string for core).
    public static func resources(inGroup group: String) -> [ResourceType] {
        all.filter { $0.group == group }
    }

    /// The resource with this plural name in this group.
    public static func resource(group: String, plural: String) -> ResourceType? {
        all.first { $0.group == group && $0.plural == plural }
    }

    /// The resource for an object's `apiVersion` and `kind`; `nil` for kinds kubesim does not serve.
    public static func resource(apiVersion: String, kind: String) -> ResourceType? {
        let group = apiVersion.contains("/") ? String(apiVersion.split(separator: "/")[0]) : ""
        return all.first { $0.group == group && $0.kind == kind }
    }

    /// The resource for a kind alone, for objects whose `apiVersion` is missing.
    public static func resource(kind: String) -> ResourceType? {
        all.first { $0.kind == kind }
    }

    /// A resource named the way kubesim.yaml and the fault endpoint accept it: `pods`, `pod`, `po`,
    /// `deployments.apps`.
    public static func resource(named name: String) -> ResourceType? {
        let lowered = name.lowercased()
        return all.first {
            $0.plural == lowered || $0.singular == lowered || $0.qualifiedName == lowered
                || $0.shortNames.contains(lowered)
        }
    }
}
