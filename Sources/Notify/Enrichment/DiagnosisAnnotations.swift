import Diagnosis

/// The `pulldoctor_*` annotations (and the category label) added to every alert that the webhook and
/// Alertmanager sinks forward. Names are stable: receivers key templates and routes on them.
public enum DiagnosisAnnotations {
    public static let category = "pulldoctor_category"
    public static let reason = "pulldoctor_reason"
    public static let confidence = "pulldoctor_confidence"
    public static let summary = "pulldoctor_summary"
    /// The first remediation step's commands, one per line.
    public static let fix = "pulldoctor_fix"
    /// The diagnosis page.
    public static let url = "pulldoctor_url"

    /// Every annotation name this enum can add, for receivers that strip or allow-list them.
    public static let allNames = [category, reason, confidence, summary, fix, url]

    /// The category used when there is no diagnosis: `unknown`, the vocabulary's own word for it.
    public static let undiagnosedCategory = "unknown"

    /// Summary used when the diagnosis missed its deadline entirely.
    public static let undiagnosedSummary =
        "PullDoctor could not finish a diagnosis in time; the alert is forwarded as received."

    /// The annotations for a notification. Without a diagnosis only the category (`unknown`), the summary
    /// and the link are set, so receivers can still tell a forwarded alert from an original one.
    public static func annotations(for notification: IncidentNotification) -> [String: String] {
        var out: [String: String] = [:]
        if let report = notification.diagnosis {
            out[category] = report.category.rawValue
            out[reason] = report.reason.rawValue
            out[confidence] = report.confidence.rawValue
            out[summary] = report.partial ? report.summary + " (partial: the investigation hit its deadline)" : report.summary
            let commands = firstCommands(of: report)
            if !commands.isEmpty { out[fix] = commands.joined(separator: "\n") }
        } else {
            out[category] = undiagnosedCategory
            out[summary] = undiagnosedSummary
        }
        if let link = notification.diagnosisURL { out[url] = link }
        return out
    }

    /// The commands of the first remediation step that has any: the one to run first.
    static func firstCommands(of report: DiagnosisReport) -> [String] {
        report.remediation.first { !$0.commands.isEmpty }?.commands ?? []
    }

    /// Alert annotations merged with the diagnosis annotations; PullDoctor's win on a name clash so a
    /// receiver never reads a stale `pulldoctor_*` value an upstream copy carried.
    static func merged(_ original: [String: String], with added: [String: String]) -> [String: String] {
        original.merging(added) { _, new in new }
    }
}

/// Short human titles of the diagnosis categories, for message headers. Keyed by the category's raw
/// value (the documented vocabulary), so an added category falls back to its raw value instead of failing.
public enum CategoryTitle {
    /// The title of a category; `Image pull failure (<raw>)` for one not in the table.
    public static func of(_ rawCategory: String) -> String {
        titles[rawCategory] ?? "Image pull failure (\(rawCategory))"
    }

    private static let titles: [String: String] = [
        "registry_auth": "Registry credentials rejected",
        "image_not_found": "Image not found",
        "auth_or_not_found": "Image not found or access denied",
        "network": "Registry unreachable",
        "tls": "Registry TLS failure",
        "rate_limited": "Registry rate limit",
        "invalid_reference": "Invalid image reference",
        "platform_mismatch": "No image for the node's platform",
        "disk_pressure": "Node out of disk for images",
        "never_pull": "Image absent with imagePullPolicy Never",
        "policy_rejected": "Image rejected by policy",
        "registry_error": "Registry error",
        "unknown": "Image pull failure",
    ]
}
