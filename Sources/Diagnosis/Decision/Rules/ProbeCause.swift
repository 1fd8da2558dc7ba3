import Registry

/// The registry probe's answer, where it names a cause. The probe runs from PullDoctor's network
/// position: for network and TLS causes it is medium confidence unless the node's messages agree.
struct ProbeCause: DecisionRule {
    func evaluate(_ s: Signals) -> Decision? {
        guard let probe = s.file.probe, var (category, reason) = Self.map(probe.outcome) else { return nil }
        // Secrets PullDoctor may not read were still sent by the kubelet: a probe without them says nothing
        // about the node's credentials.
        let unreadableSecrets = s.file.pullSecrets.contains {
            switch $0.state {
            case .forbidden, .failed: return true
            default: return false
            }
        }
        if probe.outcome == .authRequired && unreadableSecrets { return nil }
        let image = s.reference?.description ?? s.container?.image ?? "the image"
        let registry = s.reference?.registry ?? "the registry"
        let agrees = s.findings.contains { $0.category == category }
        let local = [.network, .tls].contains(category)
        // Same kind of failure, seen differently (the node timed out where PullDoctor cannot even resolve):
        // the node's own account of it is the one to fix.
        if local, let finding = s.bestFinding, finding.category == category, finding.confidence == .high {
            reason = finding.reason
        }
        // The probe runs from PullDoctor's network position. When it cannot reach the registry but the node
        // names another cause, the node saw more than we can: let the runtime's message decide.
        if local && !agrees, let finding = s.bestFinding, finding.confidence != .low { return nil }
        let confidence: Confidence = local && !agrees ? .medium : .high
        let summary: String = switch probe.outcome {
        case .tagNotFound: "Tag \"\(s.reference?.tag ?? "")\" does not exist in \(registry)/\(s.reference?.repository ?? "")."
        case .digestNotFound: "No manifest with digest \(s.reference?.digest ?? "") exists in \(registry)/\(s.reference?.repository ?? "")."
        case .repositoryNotFound: "Repository \(s.reference?.repository ?? "") does not exist in \(registry)."
        case .credentialsRejected: "\(registry) rejects the credentials of the pull secret for \(image)."
        case .denied: "\(registry) knows the credentials but denies pulling \(image)."
        case .rateLimited: "\(registry) is rate-limiting pulls of \(image)."
        case .platformMissing: "\(image) has no variant for the node's platform (\(s.file.node.map { "\($0.operatingSystem ?? "linux")/\($0.architecture ?? "?")" } ?? "unknown"))."
        default: "\(probe.outcome.meaning) (\(registry))"
        }
        return Decision(category, reason, confidence, summary)
    }

    static func map(_ outcome: ProbeOutcome) -> (Category, Reason)? {
        switch outcome {
        case .tagNotFound: (.imageNotFound, .tagNotFound)
        case .digestNotFound: (.imageNotFound, .digestNotFound)
        case .repositoryNotFound: (.imageNotFound, .repositoryNotFound)
        case .credentialsRejected: (.registryAuth, .credentialsRejected)
        case .authRequired: (.registryAuth, .authRequired)
        case .denied: (.registryAuth, .forbidden)
        case .rateLimited: (.rateLimited, .registryRateLimit)
        case .platformMissing: (.platformMismatch, .noMatchingPlatform)
        case .dns: (.network, .dns)
        case .connectionRefused: (.network, .connectionRefused)
        case .connectTimeout, .timeout, .tokenEndpointUnreachable: (.network, .timeout)
        case .proxy: (.network, .proxy)
        case .connectionReset: (.network, .connectionReset)
        case .tlsUnknownAuthority: (.tls, .unknownAuthority)
        case .tlsNameMismatch: (.tls, .nameMismatch)
        case .tlsExpired: (.tls, .expiredCertificate)
        case .tlsOther: (.tls, .handshakeFailed)
        case .httpOnHTTPS: (.tls, .httpOnHTTPS)
        case .registryError: (.registryError, .serverError)
        case .invalidReference: (.invalidReference, .invalidFormat)
        case .ok, .probeError: nil
        }
    }
}
