/// The image reference does not parse (a scheme, upper case, a bad tag...): nothing can pull it.
struct InvalidReferenceCause: DecisionRule {
    func evaluate(_ s: Signals) -> Decision? {
        guard let check = s.file.imageReference, case .failure(let error) = check.result else {
            if s.container?.waitingReason == "InvalidImageName" {
                return Decision(.invalidReference, .invalidFormat, .medium,
                                "The kubelet rejects the image name \"\(s.container?.image ?? "")\" as invalid.")
            }
            return nil
        }
        let reason: Reason = switch error.reason {
        case .schemeInReference: .schemeInReference
        case .uppercaseInRepository: .uppercaseInReference
        default: .invalidFormat
        }
        var summary = "The image reference \"\(check.written)\" is invalid: \(error.message)"
        if let suggestion = error.suggestion, !error.message.contains(suggestion) { summary += " Use \"\(suggestion)\"." }
        return Decision(.invalidReference, reason, .high, summary, evidence: [
            Evidence(source: .imageReference, observation: error.message, quote: check.written),
        ])
    }
}
