import Foundation
import GRDB

/// Commits concurrent `accept` calls together: one write transaction, hence one sync of the log, for every
/// payload that arrived while the previous transaction was committing.
///
/// No timer: a lone caller is committed at once, and under a storm the batch grows by itself to whatever
/// arrived during the last commit (up to `maxBatchSize`). This is the classic group commit: the sync is the
/// cost, and the callers waiting for it share it.
actor GroupCommitter {
    private struct Request {
        let payload: IncomingPayload
        let continuation: CheckedContinuation<Result<AcceptResult, StoreError>, Never>
    }

    private let handle: DatabaseHandle
    private let maxBatchSize: Int
    private var queue: [Request] = []
    private var draining = false
    /// How many write transactions carried accepted payloads (for tests and measurements).
    private(set) var transactions = 0
    /// How many payloads were committed or refused.
    private(set) var payloads = 0

    init(handle: DatabaseHandle, maxBatchSize: Int) {
        self.handle = handle
        self.maxBatchSize = maxBatchSize
    }

    /// Queues a payload and returns once its transaction committed (or failed).
    ///
    /// The commit runs in a task of its own: cancelling the caller does not abort a batch shared with
    /// others, and the caller still learns the outcome.
    func accept(_ payload: IncomingPayload) async -> Result<AcceptResult, StoreError> {
        await withCheckedContinuation { continuation in
            queue.append(Request(payload: payload, continuation: continuation))
            if !draining {
                draining = true
                Task { await self.drain() }
            }
        }
    }

    /// Commits batches until nobody waits.
    private func drain() async {
        while !queue.isEmpty {
            let count = min(queue.count, maxBatchSize)
            let batch = Array(queue.prefix(count))
            queue.removeFirst(count)
            // The actor is free while this awaits: new callers queue up for the next batch.
            let results = await Self.commit(batch.map(\.payload), pool: handle.current)
            if case .failure(let error) = results.first, error.reason == .readOnly {
                handle.reopenAfterReadOnly()  // a read-only open stays read-only: try a fresh one
            }
            transactions += 1
            payloads += batch.count
            for (request, result) in zip(batch, results) {
                request.continuation.resume(returning: result)
            }
        }
        draining = false
    }

    /// Writes a batch in one transaction. When it fails for a reason that may concern one payload, each
    /// payload is retried alone, so one payload that cannot be stored does not fail its neighbours.
    static func commit(
        _ payloads: [IncomingPayload], pool: DatabasePool
    ) async -> [Result<AcceptResult, StoreError>] {
        do {
            let results = try await pool.write { db in
                try payloads.map { try PayloadIngest.apply($0, in: db) }
            }
            return results.map { .success($0) }
        } catch {
            let failure = StoreError(error)
            // A failure of the whole database fails every payload at once: retrying each alone would only
            // repeat it (and `busy` would wait out its timeout once per payload).
            guard payloads.count > 1, Self.mayConcernOnePayload(failure.reason) else {
                return payloads.map { _ in .failure(failure) }
            }
        }
        var results: [Result<AcceptResult, StoreError>] = []
        for payload in payloads {
            do {
                let result = try await pool.write { db in try PayloadIngest.apply(payload, in: db) }
                results.append(.success(result))
            } catch {
                results.append(.failure(StoreError(error)))
            }
        }
        return results
    }

    /// Whether a failure may come from one payload (too big for the space left, an invariant it breaks)
    /// rather than from the database as a whole.
    private static func mayConcernOnePayload(_ reason: StoreError.Reason) -> Bool {
        switch reason {
        case .diskFull, .constraint, .other: true
        case .readOnly, .busy, .corrupt, .io, .cantOpen, .cancelled: false
        }
    }
}
