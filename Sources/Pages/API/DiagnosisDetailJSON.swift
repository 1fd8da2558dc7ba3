import Diagnosis
import Foundation
import Store

/// `GET /api/v1/diagnoses/{id}`: the diagnosis report (the documented `DiagnosisReport` JSON) with its
/// incident, the incident's history, its notifications and all its diagnoses. Documented in `API.md`.
struct DiagnosisDetailJSON: Encodable, Sendable {
    let detail: DiagnosisDetail
    /// The decoded report; nil when the stored body could not be decoded (see `problem`).
    let report: DiagnosisReport?
    let problem: String?
    let externalURL: String

    private enum CodingKeys: String, CodingKey {
        case diagnosis, incident, current, timeline, deliveries, diagnoses, url
        case reportError = "report_error"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let record = detail.diagnosis
        if let report {
            try container.encode(report, forKey: .diagnosis)
        } else {
            try container.encode(RecordedVerdict(record: record), forKey: .diagnosis)
        }
        try container.encode(problem, forKey: .reportError)
        try container.encode(IncidentJSON(record: detail.incident, externalURL: externalURL), forKey: .incident)
        try container.encode(detail.incident.currentDiagnosisID == record.id, forKey: .current)
        let path = PageLinks.diagnosis(record.id)
        try container.encode(PageLinks.absolute(path, base: externalURL) ?? path, forKey: .url)
        try container.encode(IncidentHistory.entries(of: detail), forKey: .timeline)
        let attempts = Dictionary(grouping: detail.deliveries, by: \.outboxID)
        try container.encode(detail.outbox.map { OutboxJSON(record: $0, attempts: attempts[$0.id] ?? []) },
                             forKey: .deliveries)
        try container.encode(detail.diagnoses.map(RecordedVerdict.init), forKey: .diagnoses)
    }

    /// The verdict columns the store indexes: the list of an incident's diagnoses, and the stand-in for a
    /// report that could not be decoded.
    struct RecordedVerdict: Encodable, Sendable {
        let record: DiagnosisRecord

        private enum CodingKeys: String, CodingKey {
            case id, category, reason, confidence, partial
            case createdAt = "created_at"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(record.id, forKey: .id)
            try container.encode(record.createdAt, forKey: .createdAt)
            try container.encode(record.category, forKey: .category)
            try container.encode(record.reason, forKey: .reason)
            try container.encode(record.confidence, forKey: .confidence)
            try container.encode(record.partial, forKey: .partial)
        }
    }

    /// One message to one sink and its attempts.
    struct OutboxJSON: Encodable, Sendable {
        let record: OutboxRecord
        let attempts: [DeliveryRecord]

        private enum CodingKeys: String, CodingKey {
            case id, sink, kind, status, attempts
            case diagnosisID = "diagnosis_id"
            case createdAt = "created_at"
            case nextAttemptAt = "next_attempt_at"
            case deliveredAt = "delivered_at"
            case lastError = "last_error"
            case attemptLog = "attempt_log"
        }

        private enum AttemptKeys: String, CodingKey {
            case at, result, error
            case httpStatus = "http_status"
            case durationMilliseconds = "duration_ms"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(record.id, forKey: .id)
            try container.encode(record.sink, forKey: .sink)
            try container.encode(record.kind.rawValue, forKey: .kind)
            try container.encode(record.diagnosisID, forKey: .diagnosisID)
            try container.encode(record.status.rawValue, forKey: .status)
            try container.encode(record.attempts, forKey: .attempts)
            try container.encode(record.createdAt, forKey: .createdAt)
            try container.encode(record.status == .pending ? record.nextAttemptAt : nil, forKey: .nextAttemptAt)
            try container.encode(record.deliveredAt, forKey: .deliveredAt)
            try container.encode(record.lastError, forKey: .lastError)
            var log = container.nestedUnkeyedContainer(forKey: .attemptLog)
            for attempt in attempts {
                var entry = log.nestedContainer(keyedBy: AttemptKeys.self)
                try entry.encode(attempt.at, forKey: .at)
                try entry.encode(attempt.result.rawValue, forKey: .result)
                try entry.encode(attempt.httpStatus, forKey: .httpStatus)
                try entry.encode(attempt.error, forKey: .error)
                let (seconds, attoseconds) = attempt.duration.components
                try entry.encode(seconds * 1000 + attoseconds / 1_000_000_000_000_000, forKey: .durationMilliseconds)
            }
        }
    }
}
