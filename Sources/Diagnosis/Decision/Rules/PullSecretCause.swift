/// The registry wants credentials, and the pull secrets explain why it does not get good ones: a secret
/// is missing, of a type the kubelet ignores, malformed, for another registry, or there is none at all.
struct PullSecretCause: DecisionRule {
    func evaluate(_ s: Signals) -> Decision? {
        let registry = s.reference?.registry ?? "the registry"
        let retrieval = s.secretRetrievalEvents
        let missing = s.file.pullSecrets.filter { if case .missing = $0.state { return true } else { return false } }
        guard s.authFailure || !retrieval.isEmpty else { return nil }
        if s.matchingSecret != nil { return nil }  // a secret serves the registry: the probe or messages decide

        if let first = missing.first {
            let origin = first.origin == .pod ? "the pod" : "ServiceAccount \(s.file.serviceAccount)"
            return Decision(.registryAuth, .pullSecretMissing, .high,
                            "Pull secret \"\(first.name)\" named by \(origin) does not exist in \(s.file.namespace), so \(registry) gets no credentials.",
                            evidence: retrieval.map { Evidence(source: .event, observation: "the kubelet could not read a pull secret", quote: $0.message) })
        }
        for facts in s.file.pullSecrets {
            if case .wrongType(let type) = facts.state {
                return Decision(.registryAuth, .pullSecretMalformed, .high,
                                "Pull secret \"\(facts.name)\" has type \(type); the kubelet only reads kubernetes.io/dockerconfigjson and kubernetes.io/dockercfg and silently ignores it.")
            }
        }
        for facts in s.file.pullSecrets {
            if case .malformed(let why) = facts.state {
                return Decision(.registryAuth, .pullSecretMalformed, .high,
                                "Pull secret \"\(facts.name)\" cannot be read by the kubelet: \(why).")
            }
        }
        if let (facts, summary) = s.usableSecrets.first {
            let hosts = summary.hosts.joined(separator: ", ")
            return Decision(.registryAuth, .pullSecretWrongRegistry, .high,
                            "Pull secret \"\(facts.name)\" has credentials for \(hosts.isEmpty ? "no registry" : hosts), not for \(registry).",
                            evidence: [Evidence(source: .pullSecret, observation: summary.mismatch ?? "no entry for \(registry)")])
        }
        let unreadable = s.file.pullSecrets.contains {
            switch $0.state {
            case .forbidden, .failed: return true
            default: return false
            }
        }
        guard s.file.pullSecrets.isEmpty, !unreadable, s.file.serviceAccountLookup == .found || s.file.serviceAccountLookup == .notFound else {
            return nil
        }
        // No secret at all. With a registry answer that says "credentials needed" this is certain; with only
        // Docker Hub's ambiguous "pull access denied" it stays auth_or_not_found.
        if let probe = s.file.probe, probe.outcome == .authRequired {
            return Decision(.registryAuth, .noPullSecret, .high,
                            "\(registry) requires credentials for \(s.reference?.repository ?? "this image") and neither the pod nor ServiceAccount \(s.file.serviceAccount) has a pull secret.")
        }
        if let probe = s.file.probe, [.repositoryNotFound, .tagNotFound, .digestNotFound].contains(probe.outcome) {
            return nil  // the image does not exist: the probe rule says so
        }
        if s.bestFinding?.category == .authOrNotFound {
            return Decision(.authOrNotFound, .noPullSecret, .medium,
                            "\(registry) denies the pull: the repository does not exist, or it is private and neither the pod nor ServiceAccount \(s.file.serviceAccount) has a pull secret.")
        }
        return Decision(.registryAuth, .noPullSecret, .medium,
                        "\(registry) refuses the pull without credentials and neither the pod nor ServiceAccount \(s.file.serviceAccount) has a pull secret.")
    }
}
