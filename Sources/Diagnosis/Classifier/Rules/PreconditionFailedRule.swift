/// HTTP 412 from the registry (GCR/Artifact Registry's "Request Rejected: Please contact project
/// owners" on anonymous pulls of blocked images).
struct PreconditionFailedRule: ClassificationRule {
    let phrase = Phrase("precondition failed")

    func evaluate(_ message: NormalizedMessage) -> Classification? {
        guard message.facts.httpStatus == 412 || message.contains(phrase) else { return nil }
        return Classification(.preconditionFailed, .medium,
                              "\(message.facts.registryAsSubject) rejected the request (HTTP 412); the image's owner "
                                  + "must unblock or republish it.")
    }
}
