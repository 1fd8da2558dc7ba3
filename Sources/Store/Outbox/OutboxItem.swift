import Foundation
import GRDB

/// A message to enqueue for one sink about one incident.
public struct OutboxItem: Sendable, Equatable {
    /// The incident the message is about (must exist).
    public var incidentID: String
    /// The sink's configured name.
    public var sink: String
    /// The diagnosis the message carries, if any.
    public var diagnosisID: String?
    /// `firing` (the diagnosis) or `resolved` (the all-clear).
    public var kind: FiringState
    /// The rendered message (JSON or the sink's format), or nil when the sender renders at delivery.
    public var body: Data?
    /// A repeat of a message already sent (a re-notification, or an Alertmanager sink's keep-alive): it
    /// gets the next number in its key, so it is a new message rather than a duplicate of the first.
    public var repeats: Bool

    /// Makes an item.
    public init(incidentID: String, sink: String, diagnosisID: String? = nil, kind: FiringState, body: Data? = nil,
                repeats: Bool = false) {
        self.incidentID = incidentID
        self.sink = sink
        self.diagnosisID = diagnosisID
        self.kind = kind
        self.body = body
        self.repeats = repeats
    }

    /// The idempotency key of this item in the given episode of its incident: one message per
    /// (incident episode, sink, diagnosis, kind), so enqueuing twice (a retried transaction, a replay after
    /// a crash) sends once, while a new episode is notified again. A repeat adds `|repeat-N`, N counting
    /// the messages of that (episode, sink, diagnosis, kind) already enqueued. Readable on purpose:
    /// senders that need an opaque header can hash it.
    func idempotencyKey(episode: Int, repeatNumber: Int = 0) -> String {
        let base = "\(incidentID)#\(episode)|\(sink)|\(diagnosisID ?? "-")|\(kind.rawValue)"
        return repeatNumber == 0 ? base : base + "|repeat-\(repeatNumber)"
    }

    /// Inserts items, skipping those whose idempotency key is already present.
    ///
    /// - Returns: the ids of the rows created, in order.
    /// - Throws: `StoreError` with reason `constraint` when an item names an unknown incident.
    static func insert(_ items: [OutboxItem], now: Date, in db: Database) throws -> [Int64] {
        var ids: [Int64] = []
        var episodes: [String: Int] = [:]
        for item in items {
            let episode: Int
            if let known = episodes[item.incidentID] {
                episode = known
            } else if let found = try Int.fetchOne(
                db, sql: "SELECT episode FROM incidents WHERE id = ?", arguments: [item.incidentID]) {
                episode = found
                episodes[item.incidentID] = found
            } else {
                throw StoreError(reason: .constraint, message: "outbox item for unknown incident \(item.incidentID)")
            }
            var repeatNumber = 0
            if item.repeats {
                let base = item.idempotencyKey(episode: episode)
                repeatNumber = try Int.fetchOne(db.cachedStatement(sql: """
                    SELECT count(*) FROM outbox
                    WHERE incident_id = ? AND sink = ?
                      AND (idempotency_key = ? OR (idempotency_key > ? AND idempotency_key < ?))
                    """), arguments: [item.incidentID, item.sink, base, base + "|repeat-", base + "|repeat."]) ?? 0
                // Byte order: every "<base>|repeat-N" sorts between "<base>|repeat-" and "<base>|repeat.".
                // With nothing enqueued yet, the repeat is the first message and takes the plain key.
            }
            try db.cachedStatement(sql: """
                INSERT INTO outbox (incident_id, sink, diagnosis_id, kind, idempotency_key, body, created_at,
                                    next_attempt_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (idempotency_key) DO NOTHING
                """).execute(arguments: [
                    item.incidentID, item.sink, item.diagnosisID, item.kind.rawValue,
                    item.idempotencyKey(episode: episode, repeatNumber: repeatNumber), item.body, now.storeMillis, now.storeMillis,
                ])
            if db.changesCount == 1 {
                ids.append(db.lastInsertedRowID)
            }
        }
        return ids
    }
}
