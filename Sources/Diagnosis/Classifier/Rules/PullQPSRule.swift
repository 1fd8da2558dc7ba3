/// The kubelet's own pull rate limit: "pull QPS exceeded".
///
/// The kubelet refuses to start more pulls than `registryPullQPS`/`registryBurst` allow (5 and 10
/// by default). No request reached the registry, so this is not the registry's 429.
struct PullQPSRule: ClassificationRule {
    let phrase = Phrase("pull qps exceeded")

    func evaluate(_ message: NormalizedMessage) -> Classification? {
        guard message.contains(phrase) else { return nil }
        return Classification(.kubeletPullQPS, .high,
                              "The kubelet's own pull limit (registryPullQPS/registryBurst) was exceeded on this node; "
                                  + "the registry was not asked.")
    }
}
