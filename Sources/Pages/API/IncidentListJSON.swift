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
