/// A resource kubesim serves: where it lives in the API, what discovery says about it, which field selectors
/// the real API server accepts for it.
public struct ResourceType: Sendable, Hashable {
    /// API group; empty for the core group.
    public let group: String
    /// API version, `v1` for every resource served here.
    public let version: String
    /// The plural resource name used in URLs, e.g. `pods`.
    public let plural: String
    /// The singular name, e.g. `pod`.
    public let singular: String
    /// The object kind, e.g. `Pod`.
    public let kind: String
    /// Whether objects live in a namespace.
    public let namespaced: Bool
    /// Short names kubectl accepts, e.g. `po`.
    public let shortNames: [String]
    /// Discovery categories (`all` makes `kubectl get all` include it).
    public let categories: [String]
    /// Field selector labels the API server accepts, mapped to the JSON path they compare.
    ///
    /// From the field label conversion functions in kubernetes `pkg/apis/core/v1/conversion.go` (and the
    /// apps/batch equivalents); anything else is answered with `field label not supported: X`.
    let fieldLabels: [String: String]

    init(
        group: String = "", plural: String, singular: String, kind: String, namespaced: Bool = true,
        shortNames: [String] = [], categories: [String] = [], extraFieldLabels: [String: String] = [:],
        namespaceFieldLabel: Bool = true
    ) {
        self.group = group
        self.version = "v1"
        self.plural = plural
        self.singular = singular
        self.kind = kind
        self.namespaced = namespaced
        self.shortNames = shortNames
        self.categories = categories
        var labels = ["metadata.name": "metadata.name"]
        if namespaceFieldLabel { labels["metadata.namespace"] = "metadata.namespace" }
        labels.merge(extraFieldLabels) { _, new in new }
        self.fieldLabels = labels
    }

    /// `v1` for the core group, `group/v1` otherwise.
    public var groupVersion: String { group.isEmpty ? version : group + "/" + version }

    /// The group-qualified resource as API errors name it: `pods`, `deployments.apps`.
    public var qualifiedName: String { group.isEmpty ? plural : plural + "." + group }

    /// The kind of a list of these objects, e.g. `PodList`.
    public var listKind: String { kind + "List" }

    /// The URL path prefix of the group version: `/api/v1` or `/apis/apps/v1`.
    public var pathPrefix: String { group.isEmpty ? "/api/v1" : "/apis/" + group + "/v1" }
}

extension ResourceType {
    /// Fields on the identity of each field label: `spec.nodeName` compares `spec.nodeName`.
    private static func same(_ labels: String...) -> [String: String] {
        Dictionary(uniqueKeysWithValues: labels.map { ($0, $0) })
    }

    static let pods = ResourceType(
        plural: "pods", singular: "pod", kind: "Pod", shortNames: ["po"], categories: ["all"],
        extraFieldLabels: same(
            "spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName",
            "spec.hostNetwork", "status.phase", "status.podIP", "status.nominatedNodeName"
        ).merging(["spec.host": "spec.nodeName", "status.podIPs": "status.podIP"]) { $1 })

    static let events = ResourceType(
        plural: "events", singular: "event", kind: "Event", shortNames: ["ev"],
        extraFieldLabels: same(
            "involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid",
            "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath",
            "reason", "reportingComponent", "type"
        ).merging(["source": "source.component"]) { $1 })

    static let secrets = ResourceType(
        plural: "secrets", singular: "secret", kind: "Secret", extraFieldLabels: same("type"))

    static let serviceAccounts = ResourceType(
        plural: "serviceaccounts", singular: "serviceaccount", kind: "ServiceAccount", shortNames: ["sa"])

    static let configMaps = ResourceType(
        plural: "configmaps", singular: "configmap", kind: "ConfigMap", shortNames: ["cm"])

    static let services = ResourceType(
        plural: "services", singular: "service", kind: "Service", shortNames: ["svc"], categories: ["all"],
        extraFieldLabels: same("spec.clusterIP", "spec.type"))

    static let nodes = ResourceType(
        plural: "nodes", singular: "node", kind: "Node", namespaced: false, shortNames: ["no"],
        extraFieldLabels: same("spec.unschedulable"), namespaceFieldLabel: false)

    static let namespaces = ResourceType(
        plural: "namespaces", singular: "namespace", kind: "Namespace", namespaced: false, shortNames: ["ns"],
        extraFieldLabels: same("status.phase"), namespaceFieldLabel: false)

    static let replicaSets = ResourceType(
        group: "apps", plural: "replicasets", singular: "replicaset", kind: "ReplicaSet", shortNames: ["rs"],
        categories: ["all"], extraFieldLabels: same("status.replicas"))

    static let deployments = ResourceType(
        group: "apps", plural: "deployments", singular: "deployment", kind: "Deployment",
        shortNames: ["deploy"], categories: ["all"])

    static let statefulSets = ResourceType(
        group: "apps", plural: "statefulsets", singular: "statefulset", kind: "StatefulSet",
        shortNames: ["sts"], categories: ["all"])

    static let daemonSets = ResourceType(
        group: "apps", plural: "daemonsets", singular: "daemonset", kind: "DaemonSet", shortNames: ["ds"],
        categories: ["all"])

    static let jobs = ResourceType(
        group: "batch", plural: "jobs", singular: "job", kind: "Job", categories: ["all"],
        extraFieldLabels: same("status.successful"))

    static let cronJobs = ResourceType(
        group: "batch", plural: "cronjobs", singular: "cronjob", kind: "CronJob", shortNames: ["cj"],
        categories: ["all"])
}
