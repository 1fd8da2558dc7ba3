/// "no basic auth credentials": the registry (typically ECR) asked for credentials and the
/// runtime had none for this host.
struct NoBasicAuthCredentialsRule: ClassificationRule {
    let phrase = Phrase("no basic auth credentials")

    func evaluate(_ message: NormalizedMessage) -> Classification? {
        guard message.contains(phrase) else { return nil }
        let hint = message.facts.registry == .ecr ? " (check the node's ECR credential provider or a pull secret)" : ""
        return Classification(.authRequired, .high,
                              "\(message.facts.registryAsSubject) requires credentials and none were sent\(hint).")
    }
}
