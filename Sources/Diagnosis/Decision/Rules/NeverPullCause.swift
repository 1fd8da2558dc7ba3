/// `imagePullPolicy: Never` and the image is not on the node.
struct NeverPullCause: DecisionRule {
    func evaluate(_ s: Signals) -> Decision? {
        guard let container = s.container,
              container.waitingReason == "ErrImageNeverPull" || s.bestFinding?.reason == .neverPullNotPresent else { return nil }
        let node = s.file.node?.name ?? s.file.pod?.nodeName ?? "its node"
        return Decision(.neverPull, .neverPullNotPresent, .high,
                        "Container \(container.name) has imagePullPolicy Never and \(container.image) is not present on \(node).",
                        evidence: [Evidence(source: .podStatus, observation: "imagePullPolicy is \(container.imagePullPolicy ?? "Never")",
                                            quote: container.waitingMessage)])
    }
}
