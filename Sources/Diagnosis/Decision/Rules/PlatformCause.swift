/// The image has no variant for the node's OS and architecture.
struct PlatformCause: DecisionRule {
    func evaluate(_ s: Signals) -> Decision? {
        guard s.findings.contains(where: { $0.reason == .noMatchingPlatform }) else { return nil }
        let node = s.file.node
        let platform = "\(node?.operatingSystem ?? "linux")/\(node?.architecture ?? "?")"
        return Decision(.platformMismatch, .noMatchingPlatform, .high,
                        "\(s.container?.image ?? "The image") has no \(platform) variant for node \(node?.name ?? "?").")
    }
}
