import Diagnosis
import Foundation
import Store

/// An incident whose every text came from someone hostile: labels, names, messages, commands, sink
/// names and errors carrying markup, attribute breakouts, Mustache tags and unusual Unicode. Nothing
/// here may reach a page as markup.
enum HostileIncident {
    static let script = "<script>alert(1)</script>"
    static let breakout = "\"><img src=x onerror=alert(1)>"
    static let mustache = "{{#x}}{{{raw}}}{{/x}}{{> layout}}"
    /// Right-to-left override, combining accents, CJK, an emoji, a zero-width joiner.
    static let unicode = "ns-\u{202E}fdp.exe ünïcödé 日本語 🚀 a\u{200D}b"

    static let namespace = "evil" + breakout
    static let ownerName = "web" + script
    static let image = "registry.example.com/evil:" + mustache
    static let diagnosisID = "d1a6e0f0-0000-4000-8000-00000000e711"
    static let sink = "sink" + script

    /// An id no link may be built from: it is stored, but the row must show no link and the page 404.
    static let badDiagnosisID = "../../api\"><script>alert(2)</script>"

    static func report(createdAt: Date) -> DiagnosisReport {
        DiagnosisReport(
            id: diagnosisID, createdAt: createdAt, verdict: .imagePull,
            incident: IncidentKey(namespace: namespace, ownerKind: "Deployment", ownerName: ownerName, image: image),
            category: .registryAuth, reason: .credentialsRejected, confidence: .medium,
            summary: "Summary " + script + " " + mustache + " " + unicode,
            evidence: [
                Evidence(source: .event, observation: "Observation " + breakout,
                         quote: "</pre></blockquote>" + script + " " + unicode),
                Evidence(source: .alert, observation: "Label " + mustache, quote: nil),
            ],
            remediation: [RemediationStep(title: "Step " + script, commands: [
                "kubectl -n '" + namespace + "' get pods " + breakout,
                "echo '</code></pre>" + script + "'",
            ])],
            affected: [AffectedContainer(namespace: namespace, pod: "pod" + script, container: "c" + breakout,
                                         node: "node" + mustache, waitingReason: "ErrImagePull" + script)],
            image: image, registry: "registry.example.com", node: "node" + mustache,
            unchecked: [Unchecked(what: "secret " + script, why: "RBAC " + breakout)])
    }

    /// Writes the hostile incident (and a second one whose diagnosis id cannot be linked) into `store`.
    static func store(into store: Store, at time: Date) async throws {
        let alert = IncomingAlert(
            fingerprint: "fp" + script, status: .firing, startsAt: time,
            labels: ["alertname": script, "namespace": namespace, "pod": "pod" + breakout, "note": unicode],
            annotations: ["summary": mustache], generatorURL: "javascript:alert(1)")
        let accepted = try await store.accept(payload: IncomingPayload(
            receivedAt: time, groupKey: script, receiver: breakout, status: .firing, body: Data("{}".utf8),
            alerts: [alert]))
        let ids = accepted.alerts.map(\.alertID)
        let identity = IncidentIdentity(
            id: "\(namespace)/Deployment/\(ownerName)/\(image)", namespace: namespace, ownerKind: "Deployment",
            ownerName: ownerName, image: image)
        _ = try await store.attach(alertIDs: ids, to: identity, at: time)
        let report = report(createdAt: time.addingTimeInterval(2))
        try await store.saveDiagnosis(
            DiagnosisRecord(id: diagnosisID, incidentID: identity.id, createdAt: report.createdAt,
                            category: report.category.rawValue, reason: report.reason.rawValue,
                            confidence: report.confidence.rawValue, partial: false, body: report.json(pretty: false)),
            alertIDs: ids,
            deliveries: [OutboxItem(incidentID: identity.id, sink: sink, diagnosisID: diagnosisID, kind: .firing)])
        for item in try await store.claimDue(sink: sink, limit: 5, now: report.createdAt) {
            try await store.markFailed(
                outboxID: item.id,
                attempt: DeliveryAttempt(at: report.createdAt.addingTimeInterval(1), httpStatus: 400,
                                         error: "sink said " + script + breakout),
                retryAt: nil)
        }

        let unlinkable = IncidentIdentity(
            id: "other/Deployment/api/registry.example.com/api:v1", namespace: "other", ownerKind: "Deployment",
            ownerName: "api", image: "registry.example.com/api:v1")
        _ = try await store.attach(alertIDs: [], to: unlinkable, at: time)
        try await store.saveDiagnosis(DiagnosisRecord(
            id: badDiagnosisID, incidentID: unlinkable.id, createdAt: time, category: "unknown", reason: "unrecognized",
            confidence: "low", partial: false, body: Data("not json".utf8)))
    }
}
