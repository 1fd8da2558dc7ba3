/// Signature verification refused the image: CRI-O's `SignatureValidationFailed` (and the kubelet's
/// rewritten "image pull failed for X because the signature validation failed"), containers/image
/// "Source image rejected", Kubewarden's verify-image-signatures.
struct SignaturePolicyRule: ClassificationRule {
    let phrases = [
        Phrase("signaturevalidationfailed"), Phrase("signature validation failed"), Phrase("source image rejected"),
        Phrase("a signature was required"), Phrase("signatures can't be fetched"),
    ]

    func evaluate(_ message: NormalizedMessage) -> Classification? {
        guard message.containsAny(phrases) else { return nil }
        return Classification(.signaturePolicy, .high,
                              "A signature policy refused \(message.facts.imageForSummary).")
    }
}
