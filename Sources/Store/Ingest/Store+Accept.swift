import Foundation

extension Store {
    /// Stores a webhook payload and its alerts, returning only once they are committed to disk.
    ///
    /// Answer the webhook 2xx after this returns; when it throws, answer 503 so Alertmanager retries.
    /// Concurrent calls share transactions (group commit). Re-sent alerts (same fingerprint and startsAt)
    /// are counted, not stored twice.
    ///
    /// - Throws: `StoreError` (`diskFull`, `readOnly`, `busy`, `io`, ...); nothing of the payload is stored then.
    public func accept(payload: IncomingPayload) async throws(StoreError) -> AcceptResult {
        try await committer.accept(payload).get()
    }

    /// How many write transactions have carried accepted payloads, and how many payloads, since opening.
    /// Their ratio is the mean group-commit batch size.
    public func acceptStatistics() async -> (transactions: Int, payloads: Int) {
        (await committer.transactions, await committer.payloads)
    }
}
