/// The pull was cancelled: "context canceled" or the gRPC code `Canceled` (containerd cancels
/// pulls that make no progress for `image_pull_progress_timeout`; the kubelet cancels on pod deletion).
struct ContextCanceledRule: ClassificationRule {
    let phrase = Phrase("context canceled")

    func evaluate(_ message: NormalizedMessage) -> Classification? {
        guard message.contains(phrase) || message.grpcCode == .canceled else { return nil }
        return Classification(.contextCanceled, .medium,
                              "The pull of \(message.facts.imageForSummary) was cancelled before it finished "
                                  + "(often a download that stalled).")
    }
}
