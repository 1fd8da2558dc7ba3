import Foundation

/// `kubectl get nodes`: NAME STATUS ROLES AGE VERSION, and INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION
/// CONTAINER-RUNTIME with `-o wide`.
struct NodeTablePrinter: TablePrinter {
    var columns: [TableColumn] {
        [
            .name,
            TableColumn("Status", "Ready, NotReady or Unknown, and SchedulingDisabled when cordoned."),
            TableColumn("Roles", "Roles from the node-role.kubernetes.io/ labels."),
            .age,
            TableColumn("Version", "The kubelet version."),
            TableColumn("Internal-IP", priority: 1, "The node's InternalIP address."),
            TableColumn("External-IP", priority: 1, "The node's ExternalIP address."),
            TableColumn("OS-Image", priority: 1, "The operating system image."),
            TableColumn("Kernel-Version", priority: 1, "The kernel version."),
            TableColumn("Container-Runtime", priority: 1, "The container runtime and its version."),
        ]
    }

    func cells(for node: KubeObject, now: Date) -> [JSONValue] {
        let status = node.json["status"]
        let info = status?["nodeInfo"]
        let addresses = status?["addresses"]?.arrayValue ?? []
        func address(_ type: String) -> String {
            PodTablePrinter.orNone(addresses.first { $0["type"]?.stringValue == type }?["address"]?.stringValue)
        }
        return [
            .string(node.name), .string(Self.status(node)), .string(Self.roles(node)),
            .string(HumanDuration.since(node.creationTimestamp, now: now)),
            .string(info?["kubeletVersion"]?.stringValue ?? ""),
            .string(address("InternalIP")), .string(address("ExternalIP")),
            .string(PodTablePrinter.orNone(info?["osImage"]?.stringValue)),
            .string(PodTablePrinter.orNone(info?["kernelVersion"]?.stringValue)),
            .string(PodTablePrinter.orNone(info?["containerRuntimeVersion"]?.stringValue)),
        ]
    }

    /// `Ready` / `NotReady` from the Ready condition (`Unknown` without one), then `SchedulingDisabled`.
    static func status(_ node: KubeObject) -> String {
        var parts: [String] = []
        let conditions = node.json["status"]?["conditions"]?.arrayValue ?? []
        if let ready = conditions.first(where: { $0["type"] == "Ready" }) {
            parts.append(ready["status"] == "True" ? "Ready" : "NotReady")
        } else {
            parts.append("Unknown")
        }
        if node.json["spec"]?["unschedulable"]?.boolValue == true { parts.append("SchedulingDisabled") }
        return parts.joined(separator: ",")
    }

    /// Sorted roles from `node-role.kubernetes.io/<role>` and `kubernetes.io/role` labels; `<none>` if none.
    static func roles(_ node: KubeObject) -> String {
        var roles: Set<String> = []
        for (key, value) in node.labels {
            if key.hasPrefix("node-role.kubernetes.io/") {
                let role = String(key.dropFirst("node-role.kubernetes.io/".count))
                if !role.isEmpty { roles.insert(role) }
            } else if key == "kubernetes.io/role", !value.isEmpty {
                roles.insert(value)
            }
        }
        return roles.isEmpty ? "<none>" : roles.sorted().joined(separator: ",")
    }
}
