/// The node has no room for the image's layers.
struct DiskPressureCause: DecisionRule {
    func evaluate(_ s: Signals) -> Decision? {
        let node = s.file.node
        let finding = s.findings.first { $0.category == .diskPressure }
        guard finding != nil || (node?.diskPressure == true && s.bestFinding == nil) else { return nil }
        let name = node?.name ?? s.file.pod?.nodeName ?? "the node"
        if node?.diskPressure == true {
            return Decision(.diskPressure, .nodeDiskPressure, finding == nil ? .medium : .high,
                            "Node \(name) reports DiskPressure: there is no room to unpack \(s.container?.image ?? "the image").",
                            evidence: [Evidence(source: .node, observation: "condition DiskPressure is True on \(name)")])
        }
        return Decision(.diskPressure, .noSpaceLeft, .high,
                        "Node \(name) ran out of disk space while pulling \(s.container?.image ?? "the image").")
    }
}
