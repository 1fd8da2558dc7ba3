import Foundation
import Kube
import Testing

@Suite("Rate limiting")
struct RateLimiterTests {
    /// Equal within a microsecond: the bucket computes waits in floating point.
    func near(_ instant: ContinuousClock.Instant?, _ expected: ContinuousClock.Instant) -> Bool {
        guard let instant else { return false }
        return abs((instant - expected) / .microseconds(1)) < 1
    }

    @Test("the bucket: a burst at once, then one token per 1/rate seconds, in reservation order")
    func bucket() throws {
        let start = ContinuousClock.now
        var bucket = TokenBucket(rate: 5, burst: 2, now: start)
        #expect(near(bucket.reserve(now: start), start))
        #expect(near(bucket.reserve(now: start), start))
        #expect(near(bucket.reserve(now: start), start + .milliseconds(200)))
        #expect(near(bucket.reserve(now: start), start + .milliseconds(400)))
        // 1 s later the two pending tokens are paid back and the bucket is full again (burst 2).
        let later = start + .seconds(1)
        #expect(near(bucket.reserve(now: later), later))
        #expect(near(bucket.reserve(now: later), later))
        #expect(near(bucket.reserve(now: later), later + .milliseconds(200)))
    }

    @Test("a reservation that would come after the deadline is refused and costs nothing")
    func deadline() {
        let start = ContinuousClock.now
        var bucket = TokenBucket(rate: 1, burst: 1, now: start)
        #expect(near(bucket.reserve(now: start), start))
        #expect(bucket.reserve(now: start, deadline: start + .milliseconds(500)) == nil)
        #expect(near(bucket.reserve(now: start, deadline: start + .seconds(2)), start + .seconds(1)))
    }

    @Test("QPS 5, burst 2: the 4th request waits about 400 ms; grants come in call order")
    func limiterTiming() async throws {
        let limiter = RateLimiter(qps: 5, burst: 2)
        let start = ContinuousClock.now
        let order = GrantLog()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<4 {
                // Space the callers out so their call order is known (the bucket refills 0.15 tokens meanwhile,
                // which still leaves the 4th caller's turn at about 400 ms).
                try await Task.sleep(for: .milliseconds(30))
                group.addTask {
                    try await limiter.acquire()
                    await order.append(index)
                }
            }
            try await group.waitForAll()
        }
        let elapsed = ContinuousClock.now - start
        #expect(elapsed >= .milliseconds(350), "4th request granted after \(elapsed)")
        let grants = await order.grants
        // The first two are granted at once (their relative order is the scheduler's); the waiting ones in call order.
        #expect(Set(grants.prefix(2)) == [0, 1])
        #expect(Array(grants.suffix(2)) == [2, 3])
    }

    @Test("acquire throws throttled at once when the wait would pass the deadline")
    func limiterDeadline() async throws {
        // The next token is 20 s away and the deadline 2 s: waiting until the deadline would take 2 s,
        // giving up at once takes far less, however loaded the machine is.
        let limiter = RateLimiter(qps: 0.05, burst: 1)
        try await limiter.acquire()
        let start = ContinuousClock.now
        let error = await #expect(throws: KubeError.self) {
            try await limiter.acquire(deadline: .now + .seconds(2))
        }
        #expect(error?.reason == .throttled)
        #expect(ContinuousClock.now - start < .seconds(2), "gave up before the deadline instead of waiting for it")
    }
}

/// The order in which callers were granted their turn.
private actor GrantLog {
    private(set) var grants: [Int] = []

    func append(_ index: Int) {
        grants.append(index)
    }
}
