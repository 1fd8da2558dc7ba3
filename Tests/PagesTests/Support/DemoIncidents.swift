import Diagnosis
import Foundation
import Store

/// What the README's screenshots show: the wrong-tag incident, plus a resolved pull-secret incident and
/// one not diagnosed yet, so the list shows each status. The extra reports are PullDoctor's own wording
/// (summaries and steps), not runtime or registry output.
enum DemoIncidents {
    static func store(into store: Store) async throws {
        try await KnownIncident.store(into: store)
        let start = KnownIncident.firing.addingTimeInterval(-5400)

        let payments = IncidentIdentity(
            id: "payments/Deployment/checkout/registry.example.com/payments/checkout:1.8.2", namespace: "payments",
            ownerKind: "Deployment", ownerName: "checkout", image: "registry.example.com/payments/checkout:1.8.2")
        _ = try await store.attach(alertIDs: [], to: payments, at: start)
        let report = DiagnosisReport(
            id: "7d0e2b44-5a63-4c1e-b0f8-51c9a2f4e6d3", createdAt: start.addingTimeInterval(4), verdict: .imagePull,
            incident: IncidentKey(namespace: "payments", ownerKind: "Deployment", ownerName: "checkout",
                                  image: payments.image),
            category: .registryAuth, reason: .pullSecretMissing, confidence: .high,
            summary: "Pod payments/checkout-5c7f9d-k2x8q names pull secret regcred, which does not exist in payments.",
            evidence: [Evidence(source: .pullSecret, observation: "Secret payments/regcred does not exist.")],
            remediation: [RemediationStep(title: "Create the pull secret in the pod's namespace", commands: [
                "kubectl -n payments create secret docker-registry regcred --docker-server=registry.example.com "
                    + "--docker-username=<user> --docker-password=<password>",
            ])],
            affected: [AffectedContainer(namespace: "payments", pod: "checkout-5c7f9d-k2x8q", container: "checkout",
                                         node: "worker-2", waitingReason: "ImagePullBackOff")],
            image: payments.image, registry: "registry.example.com", node: "worker-2")
        try await store.saveDiagnosis(DiagnosisRecord(
            id: report.id, incidentID: payments.id, createdAt: report.createdAt, category: report.category.rawValue,
            reason: report.reason.rawValue, confidence: report.confidence.rawValue, partial: false,
            body: report.json(pretty: false)))
        try await store.resolveIncident(id: payments.id, at: start.addingTimeInterval(1500))

        let batch = IncidentIdentity(
            id: "batch/CronJob/nightly-report/registry.example.com/batch/report:2026.11", namespace: "batch",
            ownerKind: "CronJob", ownerName: "nightly-report", image: "registry.example.com/batch/report:2026.11")
        _ = try await store.attach(alertIDs: [], to: batch, at: KnownIncident.firing.addingTimeInterval(30))
    }
}
