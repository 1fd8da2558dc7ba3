import Alerting
import Foundation
import Synchronization

/// Which stored row an alert occurrence (fingerprint + startsAt) is: filled at ingest and on resume, read
/// when a diagnosis is recorded.
///
/// An id that is never taken (the alert's resolution overtook it in the queue, so only the resolution was
/// handled) is dropped after `maxAge`: nothing needs it then, since the store's resume sweep re-reads any
/// alert still waiting for a diagnosis, with its id. So the map stays bounded in a process that runs for
/// months.
final class AlertIDs: Sendable {
    private struct Key: Hashable { let fingerprint: String; let startsAt: Int64 }
    private struct State {
        var ids: [Key: (id: Int64, at: ContinuousClock.Instant)] = [:]
        var lastPrune = ContinuousClock.now
    }
    private let state = Mutex(State())
    private let maxAge: Duration

    init(maxAge: Duration = .seconds(600)) {
        self.maxAge = maxAge
    }

    private static func key(_ fingerprint: String, _ startsAt: Date) -> Key {
        Key(fingerprint: fingerprint, startsAt: Int64((startsAt.timeIntervalSince1970 * 1000).rounded()))
    }

    func remember(_ id: Int64, fingerprint: String, startsAt: Date) {
        let now = ContinuousClock.now
        state.withLock { state in
            state.ids[Self.key(fingerprint, startsAt)] = (id, now)
            if now - state.lastPrune > maxAge / 10 {
                state.lastPrune = now
                state.ids = state.ids.filter { now - $0.value.at < maxAge }
            }
        }
    }

    /// The ids of `alerts`, forgetting them (each occurrence is recorded once).
    func take(_ alerts: [Alert]) -> [Int64] {
        state.withLock { state in alerts.compactMap { state.ids.removeValue(forKey: Self.key($0.fingerprint, $0.startsAt))?.id } }
    }

    /// How many ids are remembered.
    var count: Int { state.withLock { $0.ids.count } }
}
