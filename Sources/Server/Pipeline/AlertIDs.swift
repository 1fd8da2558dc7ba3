import Alerting
import Foundation
import Synchronization

/// Which stored row an alert occurrence (fingerprint + startsAt) is: filled at ingest and on resume, read
/// when a diagnosis is recorded.
final class AlertIDs: Sendable {
    private struct Key: Hashable { let fingerprint: String; let startsAt: Int64 }
    private let ids = Mutex<[Key: Int64]>([:])

    private static func key(_ fingerprint: String, _ startsAt: Date) -> Key {
        Key(fingerprint: fingerprint, startsAt: Int64((startsAt.timeIntervalSince1970 * 1000).rounded()))
    }

    func remember(_ id: Int64, fingerprint: String, startsAt: Date) {
        ids.withLock { $0[Self.key(fingerprint, startsAt)] = id }
    }

    /// The ids of `alerts`, forgetting them (each occurrence is recorded once).
    func take(_ alerts: [Alert]) -> [Int64] {
        ids.withLock { map in alerts.compactMap { map.removeValue(forKey: Self.key($0.fingerprint, $0.startsAt)) } }
    }
}
