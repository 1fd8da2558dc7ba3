/// The observations every diagnosis shows, in the order an operator would gather them by hand.
enum EvidenceBuilder {
    static func evidence(for s: Signals) -> [Evidence] {
        var out: [Evidence] = []
        let file = s.file
        if let container = s.container {
            let kind = container.initContainer ? "init container" : "container"
            out.append(Evidence(source: .podStatus, observation: "\(kind) \(container.name) is waiting: \(container.waitingReason ?? "?")",
                                quote: container.waitingMessage))
        }
        for finding in s.findings.prefix(3) where finding.isInformative {
            out.append(Evidence(source: finding.origin.hasPrefix("event") ? .event : .podStatus,
                                observation: "\(finding.origin): \(finding.summary)", quote: finding.message))
        }
        if let owner = file.owners.last {
            var line = "owned by \(owner.kind) \(owner.name)"
            if let template = owner.templateImage, template != s.container?.image {
                line += "; its template now names \(template) (a rollout may be in progress)"
            }
            out.append(Evidence(source: .owner, observation: line))
        }
        if let check = file.imageReference, let reference = check.reference {
            out.append(Evidence(source: .imageReference, observation: "image parses as registry \(reference.registry), repository \(reference.repository)\(reference.tag.map { ", tag \($0)" } ?? "")\(reference.digest.map { ", digest \($0)" } ?? "")",
                                quote: check.written))
        }
        if file.pullSecrets.isEmpty, file.serviceAccountLookup == .found {
            out.append(Evidence(source: .pullSecret, observation: "neither the pod nor ServiceAccount \(file.serviceAccount) names an image pull secret"))
        }
        for secret in file.pullSecrets {
            let from = secret.origin == .pod ? "pod" : "ServiceAccount \(file.serviceAccount)"
            let state: String = switch secret.state {
            case .usable(let summary):
                summary.matchedKey.map { "has an entry for the image's registry (\($0)\(summary.maskedUsername.map { ", user \($0)" } ?? ""))" }
                    ?? "has no entry for the image's registry (it has: \(summary.hosts.joined(separator: ", ")))"
            case .missing: "does not exist"
            case .forbidden: "could not be read: RBAC forbids it"
            case .wrongType(let type): "has type \(type), which the kubelet ignores"
            case .malformed(let why): "is malformed: \(why)"
            case .failed(let why): "could not be read: \(why)"
            }
            out.append(Evidence(source: .pullSecret, observation: "pull secret \(secret.name) (from \(from)) \(state)"))
        }
        if let node = file.node {
            var line = "node \(node.name): \(node.operatingSystem ?? "?")/\(node.architecture ?? "?")"
            if let runtime = node.containerRuntime { line += ", \(runtime)" }
            if let kubelet = node.kubeletVersion { line += ", kubelet \(kubelet)" }
            line += node.diskPressure ? ", DiskPressure True" : ", no DiskPressure"
            out.append(Evidence(source: .node, observation: line))
        }
        if let count = file.otherFailingPodsOnNode, count > 0 {
            out.append(Evidence(source: .nodePods, observation: "\(count) other pod(s) on this node also fail to pull: the node may be the problem"))
        }
        if let count = file.sameImageFailingOnOtherNodes, count > 0 {
            out.append(Evidence(source: .imagePods, observation: "\(count) pod(s) on other nodes fail on the same image: the image or registry is the problem"))
        }
        if let probe = file.probe {
            var line = "probe from PullDoctor (not from the node): \(probe.outcome.rawValue): \(probe.outcome.meaning)"
            if let status = probe.httpStatus { line += " (HTTP \(status))" }
            out.append(Evidence(source: .registryProbe, observation: line, quote: probe.registryMessage ?? probe.transportDetail))
        }
        return out
    }
}
