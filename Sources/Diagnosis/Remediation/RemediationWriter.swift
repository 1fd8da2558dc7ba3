/// Writes the fix: steps with the real names filled in (namespace, owner, container, secret, node).
/// Placeholders in `<angle brackets>` appear only for values PullDoctor cannot know, such as a password.
struct RemediationWriter {
    let s: Signals

    init(signals: Signals) { s = signals }

    var ns: String { s.file.namespace }
    var owner: OwnerFacts { s.file.topOwner }
    /// `deployment/web`, as kubectl names it.
    var workload: String { "\(owner.kind.lowercased())/\(owner.name)" }
    var container: String { s.container?.name ?? "app" }
    var image: String { s.container?.image ?? s.file.imageReference?.written ?? "<image>" }
    var registry: String { s.reference?.registry ?? "<registry>" }
    var repository: String { s.reference.map { "\($0.registry)/\($0.repository)" } ?? "<registry>/<repository>" }
    var node: String { s.file.node?.name ?? s.file.pod?.nodeName ?? "<node>" }
    var serviceAccount: String { s.file.serviceAccount }
    /// A secret name to create: the missing one if a pod names it, else one derived from the registry.
    var secretName: String {
        for facts in s.file.pullSecrets { if case .missing = facts.state { return facts.name } }
        let base = registry.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
        return String(String(base).trimmingCharacters(in: ["-"]).prefix(40)) + "-pull"
    }

    func setImage(_ replacement: String) -> String {
        "kubectl -n \(ns) set image \(workload) \(container)=\(replacement)"
    }

    var restart: String {
        switch owner.kind {
        case "Deployment", "StatefulSet", "DaemonSet": "kubectl -n \(ns) rollout restart \(workload)"
        default: "kubectl -n \(ns) delete pod \(s.file.podName)  # its controller recreates it"
        }
    }

    var createSecret: String {
        "kubectl -n \(ns) create secret docker-registry \(secretName) --docker-server=\(registry) --docker-username=<username> --docker-password=<password>"
    }

    var attachSecret: String {
        "kubectl -n \(ns) patch serviceaccount \(serviceAccount) -p '{\"imagePullSecrets\": [{\"name\": \"\(secretName)\"}]}'"
    }

    func steps(for decision: Decision) -> [RemediationStep] {
        switch decision.category {
        case .imageNotFound: imageNotFound(decision.reason)
        case .registryAuth: registryAuth(decision.reason)
        case .authOrNotFound: authOrNotFound()
        case .network: network(decision.reason)
        case .tls: tls(decision.reason)
        case .rateLimited: rateLimited(decision.reason)
        case .invalidReference: invalidReference()
        case .platformMismatch: platformMismatch()
        case .diskPressure: diskPressure()
        case .neverPull: neverPull()
        case .policyRejected: policyRejected()
        case .registryError: registryError()
        case .unknown: unknown()
        }
    }

    var lookAtPod: RemediationStep {
        RemediationStep(title: "Read the pod's state and pull events yourself", commands: [
            "kubectl -n \(ns) describe pod \(s.file.podName)",
            "kubectl -n \(ns) get events --field-selector involvedObject.name=\(s.file.podName) --sort-by=.lastTimestamp",
        ])
    }
}
