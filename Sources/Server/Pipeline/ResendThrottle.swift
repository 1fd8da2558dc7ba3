import Foundation
import Synchronization

/// Which of Alertmanager's re-sends to diagnose again: one per incident per `interval` (the diagnosis's
/// `reuse_for`), so a change of cause while the incident fires is found and sent at once, while a re-sent
/// group of thousands of alerts costs one investigation per incident, not one per alert.
final class ResendThrottle: Sendable {
    private let interval: TimeInterval
    private let last = Mutex<[String: Date]>([:])
    /// Entries kept before old ones are dropped.
    private let capacity = 10_000

    init(interval: Duration) {
        self.interval = Double(interval.components.seconds) + Double(interval.components.attoseconds) / 1e18
    }

    /// True when `incident` was not let through within the interval before `now` (and records `now`).
    func admit(_ incident: String, now: Date = Date()) -> Bool {
        last.withLock { seen in
            if let previous = seen[incident], now.timeIntervalSince(previous) < interval { return false }
            if seen.count >= capacity {
                seen = seen.filter { now.timeIntervalSince($0.value) < interval }
            }
            seen[incident] = now
            return true
        }
    }
}
