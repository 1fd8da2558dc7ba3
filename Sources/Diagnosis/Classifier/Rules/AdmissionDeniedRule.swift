/// An admission controller refused the pod: a webhook ("admission webhook X denied the request")
/// or Kyverno ("Rule(s) 'x' failed to apply on resource").
struct AdmissionDeniedRule: ClassificationRule {
    let webhook = Phrase("admission webhook")
    let denied = Phrase("denied the request")
    let kyverno = Phrase("failed to apply on resource")

    func evaluate(_ message: NormalizedMessage) -> Classification? {
        guard (message.contains(webhook) && message.contains(denied)) || message.contains(kyverno) else { return nil }
        return Classification(.admissionDenied, .high, "An admission policy refused the pod before any pull.")
    }
}
