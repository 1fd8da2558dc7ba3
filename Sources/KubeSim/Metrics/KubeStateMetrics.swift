/// The pod series of kube-state-metrics, rendered from the loaded pods in the Prometheus text format, so
/// Prometheus rules written for a real cluster fire against the fixture.
///
/// Names, HELP texts, label sets and values follow kube-state-metrics 2.x (`internal/store/pod.go`, and the
/// HELP lines in its `main_test.go`): every series starts with `namespace`, `pod`, `uid`; phases are all
/// written, 1 for the current one and 0 for the rest, in the store's order; a pod without a controller has
/// empty `created_by_*` labels.
public enum KubeStateMetrics {
    /// The exposition's content type.
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    private struct Family: Sendable {
        let name: String
        let help: String
        let series: @Sendable (KubeObject) -> [(labels: [(String, String)], value: Int)]
    }

    private static let phases = ["Pending", "Succeeded", "Failed", "Unknown", "Running"]

    private static let families: [Family] = [
        Family(
            name: "kube_pod_container_status_waiting_reason",
            help: "[STABLE] Describes the reason the container is currently in waiting state.",
            series: { waitingReasons($0, statuses: "containerStatuses") }),
        Family(
            name: "kube_pod_info", help: "[STABLE] Information about pod.",
            series: { [(labels: info($0), value: 1)] }),
        Family(
            name: "kube_pod_init_container_status_waiting_reason",
            help: "Describes the reason the init container is currently in waiting state.",
            series: { waitingReasons($0, statuses: "initContainerStatuses") }),
        Family(
            name: "kube_pod_owner", help: "[STABLE] Information about the Pod's owner.",
            series: owners),
        Family(
            name: "kube_pod_status_phase", help: "[STABLE] The pods current phase.",
            series: { pod in
                // kube-state-metrics writes no phase series for a pod whose phase is not set yet.
                guard let phase = pod.json["status"]?["phase"]?.stringValue, !phase.isEmpty else { return [] }
                return phases.map { (labels: [("phase", $0)], value: $0 == phase ? 1 : 0) }
            }),
    ]

    /// The exposition for `pods`: each family's HELP and TYPE, then its series pod by pod.
    public static func render(pods: [KubeObject]) -> String {
        var output = ""
        for family in families {
            output += "# HELP \(family.name) \(family.help)\n# TYPE \(family.name) gauge\n"
            for pod in pods {
                let identity = [("namespace", pod.namespace), ("pod", pod.name), ("uid", pod.uid)]
                for sample in family.series(pod) {
                    let labels = (identity + sample.labels).map { "\($0.0)=\"\(escape($0.1))\"" }
                    output += "\(family.name){\(labels.joined(separator: ","))} \(sample.value)\n"
                }
            }
        }
        return output
    }

    private static func waitingReasons(_ pod: KubeObject, statuses key: String) -> [(labels: [(String, String)], value: Int)] {
        (pod.json["status"]?[key]?.arrayValue ?? []).compactMap { container in
            guard let waiting = container["state"]?["waiting"], waiting != .null else { return nil }
            let name = container["name"]?.stringValue ?? ""
            return (labels: [("container", name), ("reason", waiting["reason"]?.stringValue ?? "")], value: 1)
        }
    }

    private static func info(_ pod: KubeObject) -> [(String, String)] {
        let spec = pod.json["spec"]
        let status = pod.json["status"]
        let controller = pod.controllerReference
        return [
            ("host_ip", status?["hostIP"]?.stringValue ?? ""),
            ("pod_ip", status?["podIP"]?.stringValue ?? ""),
            ("node", spec?["nodeName"]?.stringValue ?? ""),
            ("created_by_kind", controller?["kind"]?.stringValue ?? ""),
            ("created_by_name", controller?["name"]?.stringValue ?? ""),
            ("priority_class", spec?["priorityClassName"]?.stringValue ?? ""),
            ("host_network", spec?["hostNetwork"]?.boolValue == true ? "true" : "false"),
        ]
    }

    private static func owners(_ pod: KubeObject) -> [(labels: [(String, String)], value: Int)] {
        let references = pod.json["metadata"]?["ownerReferences"]?.arrayValue ?? []
        guard !references.isEmpty else {
            return [(labels: [("owner_kind", ""), ("owner_name", ""), ("owner_is_controller", "")], value: 1)]
        }
        return references.map { reference in
            let controller = reference["controller"]?.boolValue == true ? "true" : "false"
            return (
                labels: [
                    ("owner_kind", reference["kind"]?.stringValue ?? ""),
                    ("owner_name", reference["name"]?.stringValue ?? ""),
                    ("owner_is_controller", controller),
                ], value: 1
            )
        }
    }

    /// Label values escape backslash, double quote and newline.
    private static func escape(_ value: String) -> String {
        var escaped = ""
        for character in value {
            switch character {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
