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

/// `GET /api/v1/incidents`: a page of incidents and where the next one starts.
struct IncidentListJSON: Encodable, Sendable {
    let incidents: [IncidentJSON]
    let total: Int
    let limit: Int
    let offset: Int

    private enum CodingKeys: String, CodingKey {
        case incidents, total, limit, offset
        case nextOffset = "next_offset"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(incidents, forKey: .incidents)
        try container.encode(total, forKey: .total)
        try container.encode(limit, forKey: .limit)
        try container.encode(offset, forKey: .offset)
        let next = offset + incidents.count
        try container.encode(next < total && !incidents.isEmpty ? next : nil, forKey: .nextOffset)
    }
}

/// The JSON form the API answers with: RFC 3339 times, sorted keys, slashes unescaped.
enum APIEncoding {
    static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }
}
