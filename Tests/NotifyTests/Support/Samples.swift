import Alerting
import Diagnosis
import Foundation
@testable import Notify

/// Notifications and diagnoses the tests send.
enum Samples {
    /// The repository's captured Alertmanager payloads (Tests/Fixtures/webhook).
    static func fixture(_ name: String) throws -> WebhookPayload {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/webhook/\(name)")
        return try WebhookDecoder().decode(Array(try Data(contentsOf: url)))
    }

    /// A real kubelet event text for a 403 from GCR, from the project's message corpus
    /// (Tests/Fixtures/messages/real-messages.yaml; source:
    /// https://github.com/googlecodelabs/monolith-to-microservices/issues/59).
    static let realForbiddenQuote =
        "Failed to pull image \"gcr.io/maloney-scratch/monolith:1.0.0\": rpc error: code = Unknown desc = failed to pull and unpack image \"gcr.io/maloney-scratch/monolith:1.0.0\": failed to resolve reference \"gcr.io/maloney-scratch/monolith:1.0.0\": pulling from host gcr.io failed with status code [manifests 1.0.0]: 403 Forbidden"

    static let createdAt = Date(timeIntervalSince1970: 1_795_000_000)

    /// A complete diagnosis of the fixture's pod.
    static func report(
        category: Diagnosis.Category = .registryAuth, reason: Diagnosis.Reason = .forbidden,
        summary: String = "The registry refuses the pull: the pull secret's identity has no read access to gcr.io/maloney-scratch/monolith.",
        partial: Bool = false
    ) -> DiagnosisReport {
        DiagnosisReport(
            id: "d-7f3a", createdAt: createdAt, verdict: .imagePull,
            incident: IncidentKey(namespace: "shop", ownerKind: "Deployment", ownerName: "web", image: "gcr.io/maloney-scratch/monolith:1.0.0"),
            category: category, reason: reason, confidence: .high, summary: summary,
            evidence: [
                Evidence(source: .event, observation: "The kubelet reported a failed pull.", quote: realForbiddenQuote),
                Evidence(source: .pullSecret, observation: "The pod uses pull secret shop/gcr-reader for gcr.io."),
            ],
            remediation: [
                RemediationStep(title: "Grant the pull secret's service account read access", commands: [
                    "gcloud projects add-iam-policy-binding maloney-scratch --member=serviceAccount:<sa> --role=roles/storage.objectViewer",
                    "kubectl -n shop rollout restart deployment/web",
                ]),
                RemediationStep(title: "Check the secret's registry entry", commands: ["kubectl -n shop get secret gcr-reader -o yaml"]),
            ],
            affected: [AffectedContainer(namespace: "shop", pod: "web-7c9f8d6b5-x2k4q", container: "app", node: "node-1", waitingReason: "ImagePullBackOff")],
            image: "gcr.io/maloney-scratch/monolith:1.0.0", registry: "gcr.io", node: "node-1",
            unchecked: [Unchecked(what: "registry probe", why: "disabled in the configuration")], partial: partial)
    }

    /// The firing fixture, diagnosed.
    static func firing(diagnosis: DiagnosisReport? = report()) throws -> IncidentNotification {
        let payload = try fixture("alertmanager-firing.json")
        return IncidentNotification(
            status: .firing, alerts: payload.alerts, diagnosis: diagnosis, idempotencyKey: "inc-42/sink/3",
            diagnosisURL: DiagnosisLink.url(externalURL: "https://pulldoctor.example/", diagnosisID: diagnosis?.id ?? "pending"),
            group: AlertGroup(payload))
    }

    /// A notification whose labels, annotations and diagnosis are full of markup and injection attempts.
    static func hostile() -> IncidentNotification {
        let evil = "x\"y'z\n<script>alert(1)</script> <!channel> <@U123> <https://evil.example|click> & *bold* ```"
        var report = report(summary: "Summary with <!here> and <script>alert('s')</script> & \"quotes\"")
        report.evidence = [Evidence(source: .event, observation: "o", quote: "quote <!channel> & </code>```end")]
        report.remediation = [RemediationStep(title: "Step <b>1</b> <!everyone>", commands: ["echo '```' && echo <x> & done"])]
        report.affected = [AffectedContainer(namespace: "shop", pod: "web<!channel>", container: "app\"x", waitingReason: "<img src=x>")]
        report.incident.namespace = "shop"
        let alert = Alert(
            status: .firing, labels: ["alertname": "KubeContainerWaiting", "namespace": "shop", "pod": evil, "team": "a\"b\\c"],
            annotations: ["description": evil], startsAt: createdAt, generatorURL: "http://prometheus.example/graph?g0.expr=up&x=<y>",
            fingerprint: "0123456789abcdef")
        return IncidentNotification(
            status: .firing, alerts: [alert], diagnosis: report, idempotencyKey: "key-1",
            diagnosisURL: DiagnosisLink.url(externalURL: "https://pulldoctor.example", diagnosisID: "d|<x>"),
            group: AlertGroup(receiver: "pulldoctor", groupKey: "{}:{alertname=\"KubeContainerWaiting\"}",
                              commonLabels: ["alertname": "KubeContainerWaiting"], externalURL: "http://am.example"))
    }

    /// A diagnosis far past every size limit: long texts, many quotes, steps and pods.
    static func huge() throws -> IncidentNotification {
        let long = String(repeating: "very long text ", count: 2000)
        var report = report(summary: "Huge " + long)
        report.incident.ownerName = "web-" + String(repeating: "o", count: 300)
        report.evidence = (0..<40).map { Evidence(source: .event, observation: "o\($0)", quote: "quote \($0) " + long) }
        report.remediation = (0..<60).map { RemediationStep(title: "Step \($0) " + long, commands: (0..<20).map { "cmd \($0) " + long }) }
        report.affected = (0..<500).map { AffectedContainer(namespace: "shop", pod: "web-\($0)-" + String(repeating: "p", count: 200), container: "app") }
        report.unchecked = (0..<30).map { Unchecked(what: "thing \($0)", why: long) }
        return try firing(diagnosis: report)
    }
}
