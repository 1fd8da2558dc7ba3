import Foundation
@testable import Store

/// Payloads and alerts shaped like Alertmanager's, built in code.
enum Fixtures {
    /// A fixed instant, so tests do not depend on the clock.
    static let t0 = Date(timeIntervalSince1970: 1_790_000_000.308)

    static func alert(
        _ fingerprint: String, startsAt: Date = t0, status: FiringState = .firing, endsAt: Date? = nil,
        namespace: String = "shop", pod: String = "web-7d4b9c-x2x"
    ) -> IncomingAlert {
        IncomingAlert(
            fingerprint: fingerprint, status: status, startsAt: startsAt, endsAt: endsAt,
            labels: ["alertname": "KubePodImagePull", "namespace": namespace, "pod": pod, "container": "web"],
            annotations: ["summary": "\(pod) cannot pull its image"],
            generatorURL: "http://prometheus.local/graph?g0.expr=kube_pod_container_status_waiting_reason")
    }

    static func payload(_ alerts: [IncomingAlert], at receivedAt: Date = t0, bodySize: Int = 0) -> IncomingPayload {
        let status: FiringState = alerts.contains { $0.status == .firing } ? .firing : .resolved
        var body = Data(#"{"version":"4","status":"\#(status.rawValue)","alerts":[]}"#.utf8)
        if bodySize > body.count {
            body.append(Data(repeating: UInt8(ascii: " "), count: bodySize - body.count))
        }
        return IncomingPayload(
            receivedAt: receivedAt, groupKey: "{}:{alertname=\"KubePodImagePull\"}", receiver: "pulldoctor",
            status: status, body: body, alerts: alerts)
    }

    static func identity(_ owner: String = "web", namespace: String = "shop",
                         image: String = "registry.example.com/web:v2") -> IncidentIdentity {
        IncidentIdentity(
            id: "\(namespace)/Deployment/\(owner)/\(image)", namespace: namespace, ownerKind: "Deployment",
            ownerName: owner, image: image)
    }

    static func diagnosis(
        _ id: String, incident: IncidentIdentity, at createdAt: Date = t0, category: String = "image_not_found",
        reason: String = "tag_not_found"
    ) -> DiagnosisRecord {
        DiagnosisRecord(
            id: id, incidentID: incident.id, createdAt: createdAt, category: category, reason: reason,
            confidence: "high", partial: false, body: Data(#"{"id":"\#(id)"}"#.utf8))
    }
}
