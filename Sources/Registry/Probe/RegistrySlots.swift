/// A counting semaphore per registry host: at most `limit` probes run against one host at once; the
/// rest wait in arrival order, each no longer than its own deadline.
actor RegistrySlots {
    private struct Waiter {
        let id: UInt64
        let continuation: CheckedContinuation<Bool, Never>
    }

    private let limit: Int
    private var running: [String: Int] = [:]
    private var waiting: [String: [Waiter]] = [:]
    private var nextID: UInt64 = 0

    /// Slots for `limit` concurrent probes per host (at least 1).
    init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// Takes a slot for `host`, waiting until `deadline` at most. Returns false when the deadline came
    /// first; the caller then holds no slot.
    func acquire(_ host: String, until deadline: ContinuousClock.Instant) async -> Bool {
        if running[host, default: 0] < limit {
            running[host, default: 0] += 1
            return true
        }
        let id = nextID
        nextID += 1
        // The timer can only reach `expire` after this actor suspends below, i.e. once the waiter is queued.
        let timer = Task {
            try? await Task.sleep(until: deadline, clock: .continuous)
            self.expire(host, id)
        }
        let granted = await withCheckedContinuation { continuation in
            waiting[host, default: []].append(Waiter(id: id, continuation: continuation))
        }
        timer.cancel()
        return granted
    }

    /// Gives the slot back: straight to the longest waiter, if any.
    func release(_ host: String) {
        if var queue = waiting[host], !queue.isEmpty {
            let next = queue.removeFirst()
            waiting[host] = queue.isEmpty ? nil : queue
            next.continuation.resume(returning: true)  // the slot passes over; `running` is unchanged
            return
        }
        let count = running[host, default: 0] - 1
        running[host] = count > 0 ? count : nil
    }

    /// How many probes hold a slot for `host` now (for messages and tests).
    func inUse(_ host: String) -> Int { running[host, default: 0] }

    private func expire(_ host: String, _ id: UInt64) {
        guard var queue = waiting[host], let index = queue.firstIndex(where: { $0.id == id }) else { return }
        let waiter = queue.remove(at: index)
        waiting[host] = queue.isEmpty ? nil : queue
        waiter.continuation.resume(returning: false)
    }
}
