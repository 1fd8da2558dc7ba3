import Diagnosis
import Foundation
import Store

/// What the `diagnosis` template renders. Built from the stored record and its decoded report; when
/// the report cannot be decoded (written by another version), the page still shows the verdict the
/// store indexed and says why the rest is missing.
struct DiagnosisView: Sendable {
    struct Fact: Sendable { let term: String; let value: String; let isCode: Bool }
    struct EvidenceItem: Sendable { let sourceLabel: String; let observation: String; let hasQuote: Bool; let quote: String }
    struct Command: Sendable { let codeID: String; let text: String }
    struct Step: Sendable { let title: String; let commands: [Command] }
    struct Affected: Sendable {
        let namespace: String; let pod: String; let container: String; let initContainer: Bool
        let waitingReason: String; let nodeName: String
    }
    struct UncheckedItem: Sendable { let what: String; let why: String }
    struct Moment: Sendable { let at: TimeStamp; let text: String; let hasDetail: Bool; let detail: String }
    struct Delivery: Sendable {
        let sink: String; let kind: String; let statusClass: String; let statusLabel: String
        let attempts: Int; let lastAttempt: String; let lastError: String
    }
    struct Earlier: Sendable { let label: String; let url: String; let isThis: Bool; let createdAt: TimeStamp }

    let title: String
    let heading: String
    let statusClass: String
    let statusLabel: String
    let confidence: String
    let partial: Bool
    let summary: String
    let hasNotice: Bool
    let notice: String
    let hasCurrentLink: Bool
    let currentURL: String
    let facts: [Fact]
    let hasMeaning: Bool
    let meaning: String
    let hasEvidence: Bool
    let evidence: [EvidenceItem]
    let hasSteps: Bool
    let steps: [Step]
    let hasAffected: Bool
    let affected: [Affected]
    let hasUnchecked: Bool
    let unchecked: [UncheckedItem]
    let timeline: [Moment]
    let hasDeliveries: Bool
    let deliveries: [Delivery]
    let hasHistory: Bool
    let history: [Earlier]
    let jsonURL: String

    /// - Parameters:
    ///   - report: the decoded report, or nil with `problem` saying why it could not be read.
    init(detail: DiagnosisDetail, report: DiagnosisReport?, problem: String?) {
        let record = detail.diagnosis
        let incident = detail.incident
        let categoryLabel = Category.label(of: record.category)
        let workload = "\(incident.ownerKind) \(incident.namespace)/\(incident.ownerName)"
        if let report, report.verdict != .imagePull {
            heading = "\(Self.verdictLabel(report.verdict)): \(workload)"
        } else {
            heading = "\(categoryLabel): \(workload)"
        }
        title = heading
        statusClass = incident.status.rawValue
        statusLabel = incident.status == .firing ? "Failing" : "Resolved"
        confidence = record.confidence
        partial = record.partial
        summary = report?.summary ?? "\(categoryLabel) (\(record.reason))."

        let isCurrent = incident.currentDiagnosisID == nil || incident.currentDiagnosisID == record.id
        let currentLink = isCurrent ? nil : incident.currentDiagnosisID.flatMap(PageLinks.diagnosis)
        hasCurrentLink = currentLink != nil
        currentURL = currentLink ?? ""
        var notices: [String] = []
        if let problem { notices.append("The full report could not be read (\(problem)); only the recorded verdict is shown.") }
        if !isCurrent { notices.append("This is an earlier diagnosis of the incident.") }
        if record.partial { notices.append("The investigation ran out of time: some facts were not gathered.") }
        notice = notices.joined(separator: " ")
        hasNotice = !notices.isEmpty

        var facts = [
            Fact(term: "Category", value: "\(categoryLabel) (\(record.category))", isCode: false),
            Fact(term: "Reason", value: record.reason, isCode: true),
            Fact(term: "Confidence", value: record.confidence, isCode: false),
            Fact(term: "Workload", value: workload, isCode: false),
            Fact(term: "Image", value: (report?.image).flatMap { $0.isEmpty ? nil : $0 } ?? incident.image, isCode: true),
        ]
        if let report, !report.registry.isEmpty { facts.append(Fact(term: "Registry", value: report.registry, isCode: true)) }
        if let node = report?.node, !node.isEmpty { facts.append(Fact(term: "Node", value: node, isCode: true)) }
        facts.append(Fact(term: "Diagnosed", value: TimeStamp(record.createdAt).text, isCode: false))
        facts.append(Fact(term: "Incident", value: Self.incidentState(incident), isCode: false))
        self.facts = facts
        let documented = Reason(rawValue: record.reason).flatMap { Self.meanings[$0] }
        meaning = documented ?? ""
        hasMeaning = documented != nil

        evidence = (report?.evidence ?? []).map {
            EvidenceItem(sourceLabel: Self.sourceLabel($0.source), observation: $0.observation,
                         hasQuote: !($0.quote ?? "").isEmpty, quote: $0.quote ?? "")
        }
        hasEvidence = !evidence.isEmpty
        steps = (report?.remediation ?? []).enumerated().map { stepIndex, step in
            Step(title: step.title, commands: step.commands.enumerated().map { commandIndex, text in
                Command(codeID: "command-\(stepIndex + 1)-\(commandIndex + 1)", text: text)
            })
        }
        hasSteps = !steps.isEmpty
        affected = (report?.affected ?? []).map {
            Affected(namespace: $0.namespace, pod: $0.pod, container: $0.container, initContainer: $0.initContainer,
                     waitingReason: $0.waitingReason ?? "", nodeName: $0.node ?? "")
        }
        hasAffected = !affected.isEmpty
        unchecked = (report?.unchecked ?? []).map { UncheckedItem(what: $0.what, why: $0.why) }
        hasUnchecked = !unchecked.isEmpty

        timeline = IncidentHistory.entries(of: detail).map { entry in
            let shown = IncidentHistory.shownDetail(entry)
            return Moment(at: TimeStamp(entry.at), text: IncidentHistory.sentence(entry), hasDetail: !shown.isEmpty,
                          detail: shown)
        }
        let lastAttempts = Dictionary(detail.deliveries.map { ($0.outboxID, $0.at) }, uniquingKeysWith: max)
        deliveries = detail.outbox.map { item in
            Delivery(
                sink: item.sink, kind: item.kind == .firing ? "diagnosis" : "resolved",
                statusClass: item.status.rawValue, statusLabel: Self.outboxLabel(item),
                attempts: item.attempts, lastAttempt: lastAttempts[item.id].map { TimeStamp($0).text } ?? "not yet",
                lastError: item.lastError ?? "")
        }
        hasDeliveries = !deliveries.isEmpty
        history = detail.diagnoses.reversed().compactMap { earlier in
            guard let url = PageLinks.diagnosis(earlier.id) else { return nil }
            return Earlier(label: "\(Category.label(of: earlier.category)) (\(earlier.reason))", url: url,
                           isThis: earlier.id == record.id, createdAt: TimeStamp(earlier.createdAt))
        }
        hasHistory = history.count > 1
        jsonURL = PageLinks.diagnosisJSON(record.id) ?? "/api/v1/incidents"
    }

    /// Reason → what it means, from the documented vocabulary.
    private static let meanings: [Reason: String] = Dictionary(
        Reason.documentation.map { ($0.reason, $0.meaning) }, uniquingKeysWith: { first, _ in first })

    private static func incidentState(_ incident: IncidentRecord) -> String {
        let episode = incident.episode > 1 ? ", episode \(incident.episode)" : ""
        if incident.status == .resolved, let resolvedAt = incident.resolvedAt {
            return "resolved \(TimeStamp(resolvedAt).text)\(episode); first seen \(TimeStamp(incident.firstSeen).text)"
        }
        return "failing\(episode); first seen \(TimeStamp(incident.firstSeen).text)"
    }

    private static func outboxLabel(_ item: OutboxRecord) -> String {
        switch item.status {
        case .delivered: "Delivered"
        case .dead: "Given up"
        case .pending: item.attempts > 0 ? "Retrying at \(TimeStamp(item.nextAttemptAt).text)" : "Queued"
        }
    }

    private static func verdictLabel(_ verdict: DiagnosisReport.Verdict) -> String {
        switch verdict {
        case .imagePull: "Image pull failure"
        case .notImagePull: "Not an image-pull failure"
        case .podNotFound: "Pod not found"
        case .noPod: "Alert names no pod"
        }
    }

    static func sourceLabel(_ source: Evidence.Source) -> String {
        switch source {
        case .podStatus: "Pod status"
        case .event: "Event"
        case .owner: "Owner"
        case .imageReference: "Image reference"
        case .pullSecret: "Pull secret"
        case .serviceAccount: "Service account"
        case .node: "Node"
        case .nodePods: "Pods on the node"
        case .imagePods: "Pods with this image"
        case .registryProbe: "Registry probe"
        case .classifier: "Message classifier"
        case .alert: "Alert"
        }
    }
}
