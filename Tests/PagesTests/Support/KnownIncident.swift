import Diagnosis
import Foundation
import Registry
import Store

/// The `wrong-tag` kubesim scenario (Tests/Fixtures/clusters/wrong-tag): Deployment shop/web rolled out
/// to a tag that was never pushed. The report is made by the real `DiagnosisEngine` from the scenario's
/// facts, so the page shows what PullDoctor would really say; it is then stored the way the worker stores
/// it: alert accepted, attached to its incident, diagnosis saved with its outbox rows, one delivery that
/// failed once then went through, and Alertmanager re-sending the alert once.
enum KnownIncident {
    static let image = "registry.example.com/shop/web:v2.1-missing"
    static let pod = "web-468qtzv6kz-dbmb2"
    static let diagnosisID = "3f6c1c1e-8d8a-4f43-9a55-2a8f0e1d7b21"
    static let fingerprint = "a1b2c3d4e5f60718"
    /// The scenario's first event time (events.yaml: firstTimestamp 2026-11-21T19:16:43Z).
    static let firing = Date(timeIntervalSince1970: 1_795_288_603)

    /// The kubelet's message, from the scenario's events.yaml (containerd 1.7 NotFound wording; its
    /// `sources` cite kubernetes-sigs/provider-aws-test-infra#281 and sympozium-ai/sympozium#207).
    static let failedMessage = "Failed to pull image \"\(image)\": rpc error: code = NotFound desc = failed to pull and "
        + "unpack image \"\(image)\": failed to resolve reference \"\(image)\": \(image): not found"

    /// The report the engine writes for the scenario, with the probe finding the tag missing.
    static func report() throws -> DiagnosisReport {
        var file = CaseFile(
            alertLabels: ["alertname": "KubeContainerWaiting", "namespace": "shop", "pod": pod, "container": "web",
                          "reason": "ErrImagePull", "severity": "warning"],
            namespace: "shop", podName: pod)
        let container = ContainerFacts(name: "web", image: image, imagePullPolicy: "IfNotPresent",
                                       waitingReason: "ErrImagePull", waitingMessage: failedMessage)
        file.podLookup = .found
        file.pod = PodFacts(phase: "Pending", nodeName: "worker-1", failing: [container], containers: [container])
        file.events = [
            EventFacts(reason: "Pulling", message: "Pulling image \"\(image)\"", type: "Normal", count: 4),
            EventFacts(reason: "Failed", message: failedMessage, count: 4),
            EventFacts(reason: "Failed", message: "Error: ErrImagePull", count: 4),
            EventFacts(reason: "BackOff", message: "Back-off pulling image \"\(image)\"", type: "Normal", count: 27),
        ]
        file.owners = [OwnerFacts(kind: "ReplicaSet", name: "web-468qtzv6kz"),
                       OwnerFacts(kind: "Deployment", name: "web", templateImage: image)]
        file.imageReference = ImageReferenceCheck(written: image, result: Result { () throws(ImageReferenceError) in
            try ImageReference(parsing: image)
        })
        file.serviceAccountLookup = .found
        file.node = NodeFacts(name: "worker-1", diskPressure: false, operatingSystem: "linux", architecture: "amd64",
                              containerRuntime: "containerd://1.7.22", kubeletVersion: "v1.29.8")
        var probe = ProbeResult(outcome: .tagNotFound, reason: "the repository has no tag v2.1-missing",
                                image: image, checkedAt: firing.addingTimeInterval(2))
        probe.httpStatus = 404
        probe.errorCodes = ["MANIFEST_UNKNOWN"]
        probe.availableTags = ["v2.0"]
        file.probe = probe
        file.unchecked = [Unchecked(what: "events", why: "only the last hour of events was read")]
        let engine = DiagnosisEngine(classifier: MessageClassifier())
        return engine.decide(file, id: diagnosisID, now: firing.addingTimeInterval(3))
    }

    /// Writes the incident into `store`; returns the report stored.
    @discardableResult
    static func store(into store: Store) async throws -> DiagnosisReport {
        let report = try report()
        let alert = IncomingAlert(
            fingerprint: fingerprint, status: .firing, startsAt: firing,
            labels: ["alertname": "KubeContainerWaiting", "namespace": "shop", "pod": pod, "container": "web",
                     "reason": "ErrImagePull"],
            annotations: ["summary": "Container web of pod \(pod) is waiting (ErrImagePull)"],
            generatorURL: "http://prometheus.example.com/graph?g0.expr=kube_pod_container_status_waiting_reason")
        let payload = IncomingPayload(
            receivedAt: firing.addingTimeInterval(1), groupKey: "{}:{alertname=\"KubeContainerWaiting\"}",
            receiver: "pulldoctor", status: .firing, body: Data(#"{"version":"4"}"#.utf8), alerts: [alert])
        let accepted = try await store.accept(payload: payload)
        let alertIDs = accepted.alerts.map(\.alertID)
        let identity = IncidentIdentity(
            id: report.incident.id, namespace: report.incident.namespace, ownerKind: report.incident.ownerKind,
            ownerName: report.incident.ownerName, image: report.incident.image)
        _ = try await store.attach(alertIDs: alertIDs, to: identity, at: firing.addingTimeInterval(1))
        try await store.saveDiagnosis(
            DiagnosisRecord(id: report.id, incidentID: identity.id, createdAt: report.createdAt,
                            category: report.category.rawValue, reason: report.reason.rawValue,
                            confidence: report.confidence.rawValue, partial: report.partial, body: report.json(pretty: false)),
            alertIDs: alertIDs,
            deliveries: [OutboxItem(incidentID: identity.id, sink: "slack-oncall", diagnosisID: report.id, kind: .firing)])
        // First attempt refused, the second delivered.
        let firstClaim = try await store.claimDue(sink: "slack-oncall", limit: 10, now: report.createdAt)
        for item in firstClaim {
            try await store.markFailed(
                outboxID: item.id,
                attempt: DeliveryAttempt(at: report.createdAt.addingTimeInterval(1), httpStatus: 503,
                                         error: "HTTP 503 from the sink", duration: .milliseconds(120)),
                retryAt: report.createdAt.addingTimeInterval(31))
        }
        let secondClaim = try await store.claimDue(sink: "slack-oncall", limit: 10, now: report.createdAt.addingTimeInterval(31))
        for item in secondClaim {
            try await store.markDelivered(
                outboxID: item.id,
                attempt: DeliveryAttempt(at: report.createdAt.addingTimeInterval(32), httpStatus: 200, duration: .milliseconds(80)))
        }
        // Alertmanager's repeat_interval sends the same occurrence again.
        var again = payload
        again.receivedAt = firing.addingTimeInterval(3600)
        _ = try await store.accept(payload: again)
        return report
    }
}
