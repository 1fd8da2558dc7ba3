import Foundation
import Store

/// One incident in the JSON API (`GET /api/v1/incidents`, and `incident` in a diagnosis). Every key is
/// always present; absent values are `null`. Documented in `API.md`.
struct IncidentJSON: Encodable, Sendable {
    let record: IncidentRecord
    /// The external URL, to make `diagnosis_url` absolute; empty for a path.
    let externalURL: String

    private enum CodingKeys: String, CodingKey {
        case id, namespace, image, status, episode, category, reason
        case ownerKind = "owner_kind"
        case ownerName = "owner_name"
        case firstSeen = "first_seen"
        case lastSeen = "last_seen"
        case resolvedAt = "resolved_at"
        case diagnosisID = "diagnosis_id"
        case diagnosisURL = "diagnosis_url"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(record.id, forKey: .id)
        try container.encode(record.namespace, forKey: .namespace)
        try container.encode(record.ownerKind, forKey: .ownerKind)
        try container.encode(record.ownerName, forKey: .ownerName)
        try container.encode(record.image, forKey: .image)
        try container.encode(record.status.rawValue, forKey: .status)
        try container.encode(record.episode, forKey: .episode)
        try container.encode(record.firstSeen, forKey: .firstSeen)
        try container.encode(record.lastSeen, forKey: .lastSeen)
        try container.encode(record.resolvedAt, forKey: .resolvedAt)
        try container.encode(record.category, forKey: .category)
        try container.encode(record.reason, forKey: .reason)
        try container.encode(record.currentDiagnosisID, forKey: .diagnosisID)
        let path = record.currentDiagnosisID.flatMap(PageLinks.diagnosis)
        try container.encode(PageLinks.absolute(path, base: externalURL) ?? path, forKey: .diagnosisURL)
    }
}
