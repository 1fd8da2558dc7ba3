import Foundation

/// `kubectl get deployments`: NAME READY UP-TO-DATE AVAILABLE AGE, and CONTAINERS IMAGES SELECTOR with
/// `-o wide`.
struct DeploymentTablePrinter: TablePrinter {
    var columns: [TableColumn] {
        [
            .name,
            TableColumn("Ready", "Ready replicas out of desired replicas."),
            TableColumn("Up-to-date", type: "integer", "Replicas running the current pod template."),
            TableColumn("Available", type: "integer", "Replicas available to serve."),
            .age,
            TableColumn("Containers", priority: 1, "Container names of the pod template."),
            TableColumn("Images", priority: 1, "Container images of the pod template."),
            TableColumn("Selector", priority: 1, "The label selector of the pods."),
        ]
    }

    func cells(for deployment: KubeObject, now: Date) -> [JSONValue] {
        let spec = deployment.json["spec"]
        let status = deployment.json["status"]
        // The API server defaults spec.replicas to 1; a fixture may leave it out.
        let desired = spec?["replicas"]?.intValue ?? 1
        let ready = status?["readyReplicas"]?.intValue ?? 0
        let containers = spec?["template"]?["spec"]?["containers"]?.arrayValue ?? []
        return [
            .string(deployment.name), .string("\(ready)/\(desired)"),
            .int(status?["updatedReplicas"]?.intValue ?? 0), .int(status?["availableReplicas"]?.intValue ?? 0),
            .string(HumanDuration.since(deployment.creationTimestamp, now: now)),
            .string(containers.compactMap { $0["name"]?.stringValue }.joined(separator: ",")),
            .string(containers.compactMap { $0["image"]?.stringValue }.joined(separator: ",")),
            .string(Self.selectorText(spec?["selector"])),
        ]
    }

    /// A `LabelSelector` object written as selector text: `app=web,tier in (a,b)`.
    static func selectorText(_ selector: JSONValue?) -> String {
        var parts: [String] = []
        for member in selector?["matchLabels"]?.objectValue?.members ?? [] {
            parts.append("\(member.key)=\(member.value.selectorText)")
        }
        for expression in selector?["matchExpressions"]?.arrayValue ?? [] {
            let key = expression["key"]?.stringValue ?? ""
            let values = expression["values"]?.arrayValue.compactMap(\.stringValue).sorted().joined(separator: ",") ?? ""
            switch expression["operator"]?.stringValue ?? "" {
            case "In": parts.append("\(key) in (\(values))")
            case "NotIn": parts.append("\(key) notin (\(values))")
            case "Exists": parts.append(key)
            case "DoesNotExist": parts.append("!" + key)
            default: continue
            }
        }
        return parts.sorted().joined(separator: ",")
    }
}
