import Synchronization

/// The client-side limit on requests to the API server: a token bucket with async, first-come-first-served
/// waiting. A caller whose turn is later sleeps (`Task.sleep`, no thread is held); the order of turns is the
/// order of `acquire` calls.
///
/// Defaults: 20 requests per second with bursts of 40. client-go's 5 QPS / 10 burst suits a controller that
/// watches; PullDoctor instead reads in storms: one failed rollout raises an alert per pod, and each diagnosis
/// reads the pod, its events, the owner chain, the service account, the pull secrets and the node (about
/// eight reads). A burst of 40 covers the first incidents at once; fifty pods' 400 uncached reads take about
/// 18 s at 20 QPS against about 80 s at 5 QPS (caching and coalescing upstream cut both), while 20 QPS stays
/// well within what an API server's priority-and-fairness levels give one client. Set them lower for small
/// control planes (see `KubeClientOptions`).
public final class RateLimiter: Sendable {
    private let bucket: Mutex<TokenBucket>

    /// A limiter with `qps` tokens per second and room for `burst`. Values come from a config file, so
    /// nonsense is clamped (at least 0.01 QPS and a burst of 1) rather than trapped on.
    public init(qps: Double = 20, burst: Int = 40) {
        let rate = qps.isFinite ? max(qps, 0.01) : 20
        bucket = Mutex(TokenBucket(rate: rate, burst: max(burst, 1), now: .now))
    }

    /// Waits for this caller's turn. Throws `throttled` at once, reserving nothing, when the turn would come
    /// after `deadline`; also when the task is cancelled while waiting (the reserved slot is then lost, which
    /// only makes the limiter a little stricter).
    /// - Returns: how long the caller waited.
    @discardableResult
    public func acquire(deadline: ContinuousClock.Instant? = nil) async throws(KubeError) -> Duration {
        let start = ContinuousClock.now
        let due = bucket.withLock { $0.reserve(now: start, deadline: deadline) }
        guard let due else {
            throw KubeError(.throttled, "the client-side rate limit (\(describe)) could not grant a request slot before the request's deadline")
        }
        guard due > start else { return .zero }
        do {
            try await Task.sleep(until: due, clock: .continuous)
        } catch {
            throw KubeError(.throttled, "cancelled while waiting for the client-side rate limit (\(describe))")
        }
        return ContinuousClock.now - start
    }

    /// `20 QPS, burst 40`.
    public var describe: String {
        bucket.withLock { "\($0.rate.formatted) QPS, burst \($0.burst)" }
    }
}

extension Double {
    /// `20` for 20.0, `2.5` for 2.5.
    fileprivate var formatted: String {
        self == rounded() ? String(Int(self)) : String(self)
    }
}
