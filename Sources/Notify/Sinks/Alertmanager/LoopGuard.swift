/// Marks the alerts PullDoctor posts back to Alertmanager, so that when Alertmanager routes them to
/// PullDoctor's own webhook again they are recognised and not diagnosed a second time (which would post
/// them again, and so on).
public enum LoopGuard {
    /// The label every enriched alert carries.
    public static let label = "pulldoctor_enriched"
    /// Its value.
    public static let value = "true"

    /// Whether an alert's labels mark it as one PullDoctor posted. The server skips diagnosing these.
    public static func isEnriched(_ labels: [String: String]) -> Bool {
        labels[label] == value
    }
}
