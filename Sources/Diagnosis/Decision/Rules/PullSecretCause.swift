/// The registry wants credentials, and the pull secrets explain why it does not get good ones: a secret
/// is missing, of a type the kubelet ignores, malformed, for another registry, or there is none at all.
struct PullSecretCause: DecisionRule {
    func evaluate(_ s: Signals) -> Decision? {
        let registry = s.reference?.registry ?? "the registry"
        let retrieval = s.secretRetrievalEvents
        let missing = s.file.pullSecrets.filter { if case .missing = $0.state { return true } else { return false } }
        guard s.authFailure || !retrieval.isEmpty else { return nil }
        if let decision = credentialsSent(s, registry: registry, retrieval: retrieval) { return decision }
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

    /// A bare "401 Unauthorized" does not say whether credentials were sent; the secrets do. When a secret
    /// serves the registry (or exists but may not be read here, and the kubelet did not complain it was
    /// missing), the kubelet sent credentials and the registry rejected them.
    private func credentialsSent(_ s: Signals, registry: String, retrieval: [EventFacts]) -> Decision? {
        guard let finding = s.bestFinding, finding.category == .registryAuth, finding.reason == .authRequired else { return nil }
        if let probe = s.file.probe, probe.outcome != .authRequired && probe.outcome != .credentialsRejected { return nil }
        if let (facts, summary) = s.matchingSecret {
            return Decision(.registryAuth, .credentialsRejected, .high,
                            "\(registry) rejects the credentials of pull secret \"\(facts.name)\" (entry \(summary.matchedKey ?? registry)).")
        }
        let unreadable = s.file.pullSecrets.filter { if case .forbidden = $0.state { return true } else { return false } }
        if let first = unreadable.first, retrieval.isEmpty {
            return Decision(.registryAuth, .credentialsRejected, .medium,
                            "\(registry) rejects the credentials the kubelet sent from pull secret \"\(first.name)\" (PullDoctor may not read it to check them).")
        }
        return nil
    }
}
