import Alerting
import Diagnosis
import Foundation

/// The values a message template can use, built from a notification. Keys are snake_case; a value that
/// is unknown or empty is left out, so `{{#node}}...{{/node}}` renders only when there is a node.
///
/// | key | value |
/// |---|---|
/// | `status`, `firing`, `resolved` | `firing`/`resolved`, and one flag each |
/// | `diagnosed`, `partial` | a diagnosis exists; it was cut short by its deadline |
/// | `cause` | a short title of the category (``CategoryTitle``) |
/// | `category`, `reason`, `confidence`, `summary` | the diagnosis vocabulary and its one-line summary |
/// | `namespace`, `owner_kind`, `owner_name`, `image`, `registry`, `node` | the incident |
/// | `evidence` | list of `source`, `observation`, `quote` |
/// | `quotes` | the first five quotable observations |
/// | `fix` | list of `number`, `title`, `commands` (list of text) |
/// | `first_commands` | the commands of the first step that has any |
/// | `affected`, `affected_count` | list of `namespace`, `pod`, `container`, `node`, `waiting_reason` |
/// | `unchecked` | list of `what`, `why` |
/// | `alerts`, `alert_count` | list of `status`, `alertname`, `labels`, `annotations`, `starts_at`, `fingerprint`, `generator_url` |
/// | `url` | the diagnosis page |
/// | `receiver`, `group_labels`, `common_labels`, `external_url` | the original Alertmanager group |
public enum TemplateContext {
    /// How many quotes `quotes` keeps.
    public static let maxQuotes = 5

    /// The context of `notification`.
    public static func of(_ notification: IncidentNotification) -> [String: Any] {
        var c: [String: Any] = [:]
        c["status"] = notification.status.rawValue
        c["firing"] = notification.status == .firing
        c["resolved"] = notification.status == .resolved
        c["alert_count"] = notification.alerts.count
        c["alerts"] = notification.alerts.map(alert)
        set(&c, "url", notification.diagnosisURL)
        set(&c, "namespace", notification.namespace)
        set(&c, "receiver", notification.group.receiver)
        set(&c, "external_url", notification.group.externalURL)
        c["group_labels"] = notification.group.groupLabels
        c["common_labels"] = notification.group.commonLabels
        c["diagnosed"] = notification.diagnosis != nil
        c["cause"] = CategoryTitle.of(notification.diagnosis?.category.rawValue ?? DiagnosisAnnotations.undiagnosedCategory)
        guard let report = notification.diagnosis else {
            c["partial"] = false
            set(&c, "owner_name", notification.alerts.lazy.compactMap { $0.labels["pod"] }.first)
            return c
        }
        c["partial"] = report.partial
        c["category"] = report.category.rawValue
        c["reason"] = report.reason.rawValue
        c["confidence"] = report.confidence.rawValue
        set(&c, "summary", report.summary)
        set(&c, "owner_kind", report.incident.ownerKind)
        set(&c, "owner_name", report.incident.ownerName)
        set(&c, "image", report.image.isEmpty ? report.incident.image : report.image)
        set(&c, "registry", report.registry)
        set(&c, "node", report.node)
        c["evidence"] = report.evidence.map { item -> [String: Any] in
            var e: [String: Any] = ["source": item.source.rawValue, "observation": item.observation]
            set(&e, "quote", item.quote)
            return e
        }
        c["quotes"] = Array(quotes(of: report).prefix(maxQuotes))
        c["fix"] = report.remediation.enumerated().map { index, step -> [String: Any] in
            ["number": index + 1, "title": step.title, "commands": step.commands]
        }
        c["first_commands"] = DiagnosisAnnotations.firstCommands(of: report)
        c["affected"] = report.affected.map { pod -> [String: Any] in
            var a: [String: Any] = ["namespace": pod.namespace, "pod": pod.pod, "container": pod.container]
            set(&a, "node", pod.node)
            set(&a, "waiting_reason", pod.waitingReason)
            return a
        }
        c["affected_count"] = report.affected.count
        c["unchecked"] = report.unchecked.map { ["what": $0.what, "why": $0.why] }
        return c
    }

    /// The quotable observations of a report, in the order they were gathered, without repeats.
    public static func quotes(of report: DiagnosisReport) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for item in report.evidence {
            guard let quote = item.quote?.trimmingCharacters(in: .whitespacesAndNewlines), !quote.isEmpty,
                  seen.insert(quote).inserted else { continue }
            out.append(quote)
        }
        return out
    }

    private static func alert(_ alert: Alert) -> [String: Any] {
        var a: [String: Any] = [
            "status": alert.status.rawValue, "labels": alert.labels, "annotations": alert.annotations,
            "starts_at": alert.startsAt.formatted(Date.ISO8601FormatStyle()), "fingerprint": alert.fingerprint,
        ]
        set(&a, "alertname", alert.labels["alertname"])
        set(&a, "generator_url", alert.generatorURL)
        return a
    }

    private static func set(_ context: inout [String: Any], _ key: String, _ value: String?) {
        if let value, !value.isEmpty { context[key] = value }
    }
}
