/// The kubelet could not read a pull secret the pod names (`FailedToRetrieveImagePullSecret`,
/// and the older kubelet log wording "Unable to retrieve pull secret ...").
///
/// Only a warning: the pull goes on without that secret and may still succeed (or fail for
/// another reason), hence medium confidence.
struct PullSecretRetrievalRule: ClassificationRule {
    let phrases = [Phrase("unable to retrieve some image pull secrets"), Phrase("unable to retrieve pull secret")]
    let listOpening = Phrase("image pull secrets (")
    let secretOpening = Phrase("secrets \"")

    func evaluate(_ message: NormalizedMessage) -> Classification? {
        guard message.containsAny(phrases) else { return nil }
        let names = secretNames(message).map { " (\($0))" } ?? ""
        return Classification(.pullSecretMissing, .medium,
                              "The kubelet could not read the pod's pull secret\(names); the pull goes on without it.")
    }

    private func secretNames(_ message: NormalizedMessage) -> String? {
        if let start = message.firstIndex(of: listOpening).map({ $0 + listOpening.count }),
           let close = message.lower[start...].prefix(512).firstIndex(of: UInt8(ascii: ")")) {
            return close > start ? message.string(start..<close) : nil
        }
        if let start = message.firstIndex(of: secretOpening).map({ $0 + secretOpening.count }),
           let close = message.lower[start...].prefix(512).firstIndex(of: UInt8(ascii: "\"")) {
            return close > start ? message.string(start..<close) : nil
        }
        return nil
    }
}
