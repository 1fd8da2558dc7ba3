import Foundation

/// `kubectl get pods`: NAME READY STATUS RESTARTS AGE, and IP NODE NOMINATED NODE READINESS GATES with
/// `-o wide`.
struct PodTablePrinter: TablePrinter {
    var columns: [TableColumn] {
        [
            .name,
            TableColumn("Ready", "Ready containers out of all containers."),
            TableColumn("Status", "The most telling state of the pod and its containers."),
            TableColumn("Restarts", "How often the containers restarted, and how long ago the last restart was."),
            .age,
            TableColumn("IP", priority: 1, "IP address allocated to the pod."),
            TableColumn("Node", priority: 1, "The node the pod is scheduled onto."),
            TableColumn("Nominated Node", priority: 1, "The node the scheduler nominated for a preempting pod."),
            TableColumn("Readiness Gates", priority: 1, "Readiness gates that are true, of all readiness gates."),
        ]
    }

    func cells(for pod: KubeObject, now: Date) -> [JSONValue] {
        let summary = PodStatusSummary(pod: pod, now: now)
        let status = pod.json["status"]
        let firstIP = status?["podIPs"]?.arrayValue.first?["ip"]?.stringValue ?? status?["podIP"]?.stringValue
        return [
            .string(pod.name), .string(summary.ready), .string(summary.status), .string(summary.restarts),
            .string(HumanDuration.since(pod.creationTimestamp, now: now)),
            .string(Self.orNone(firstIP)),
            .string(Self.orNone(pod.json["spec"]?["nodeName"]?.stringValue)),
            .string(Self.orNone(status?["nominatedNodeName"]?.stringValue)),
            .string(readinessGates(pod)),
        ]
    }

    /// `true/total` over `spec.readinessGates`, `<none>` without gates.
    private func readinessGates(_ pod: KubeObject) -> String {
        let gates = pod.json["spec"]?["readinessGates"]?.arrayValue ?? []
        guard !gates.isEmpty else { return "<none>" }
        let conditions = pod.json["status"]?["conditions"]?.arrayValue ?? []
        let satisfied = gates.filter { gate in
            conditions.contains { $0["type"] == gate["conditionType"] && $0["status"] == "True" }
        }
        return "\(satisfied.count)/\(gates.count)"
    }

    static func orNone(_ text: String?) -> String {
        guard let text, !text.isEmpty else { return "<none>" }
        return text
    }
}
