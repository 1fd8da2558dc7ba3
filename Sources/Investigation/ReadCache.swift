import Foundation
import Kube

/// Kubernetes reads shared across alerts: each key is read at most once per TTL, and concurrent readers
/// of the same key wait for the one request in flight (coalescing). This is what keeps a storm of 5,000
/// alerts down to a few requests per workload.
actor ReadCache {
    private enum Entry {
        case loading(Task<Result<any Sendable, KubeError>, Never>)
        case loaded(Result<any Sendable, KubeError>, expires: ContinuousClock.Instant)
    }

    private var entries: [String: Entry] = [:]
    private let ttl: Duration
    private let failureTTL: Duration
    private let maxEntries: Int

    init(ttl: Duration = .seconds(15), failureTTL: Duration = .seconds(5), maxEntries: Int = 20_000) {
        self.ttl = ttl
        self.failureTTL = failureTTL
        self.maxEntries = maxEntries
    }

    /// The value under `key`, loading it with `load` when absent or expired.
    func value<T: Sendable>(_ key: String, load: @escaping @Sendable () async throws(KubeError) -> T) async throws(KubeError) -> T {
        let now = ContinuousClock.now
        switch entries[key] {
        case .loaded(let result, let expires) where expires > now:
            return try Self.cast(result)
        case .loading(let task):
            return try Self.cast(await task.value)
        default:
            break
        }
        if entries.count >= maxEntries { evictExpired(now: now) }
        let task = Task<Result<any Sendable, KubeError>, Never> {
            do throws(KubeError) { return .success(try await load()) } catch { return .failure(error) }
        }
        entries[key] = .loading(task)
        let result = await task.value
        let lifetime: Duration = switch result {
        case .success: ttl
        case .failure(let error) where error.reason == .notFound || error.reason == .forbidden: ttl
        case .failure: failureTTL
        }
        entries[key] = .loaded(result, expires: ContinuousClock.now + lifetime)
        return try Self.cast(result)
    }

    private func evictExpired(now: ContinuousClock.Instant) {
        entries = entries.filter {
            if case .loaded(_, let expires) = $0.value { return expires > now }
            return true
        }
    }

    private static func cast<T>(_ result: Result<any Sendable, KubeError>) throws(KubeError) -> T {
        // The key encodes the type, so the cast only fails on a programming error.
        try result.map { $0 as! T }.get()
    }
}
