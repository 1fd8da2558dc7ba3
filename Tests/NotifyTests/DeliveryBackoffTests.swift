import Testing
@testable import Notify

@Suite("Delivery backoff")
struct DeliveryBackoffTests {
    static let options = DeliveryWorker.Options(initialBackoff: .milliseconds(100), maxBackoff: .seconds(10))

    @Test("exponential: each attempt doubles the step, and the delay is 50-100% of it", arguments: [1, 2, 3, 5, 7])
    func exponential(attempt: Int) {
        let step = 0.1 * Double(1 << (attempt - 1))
        for _ in 0..<200 {
            let delay = DeliveryWorker.backoff(attempt: attempt, retryAfter: nil, options: Self.options)
            #expect(delay >= step * 0.5 && delay <= step, "attempt \(attempt): \(delay) s outside \(step * 0.5)...\(step)")
        }
    }

    @Test("jittered: 200 retries of the same attempt do not all wait the same time")
    func jitter() {
        let delays = (0..<200).map { _ in DeliveryWorker.backoff(attempt: 3, retryAfter: nil, options: Self.options) }
        #expect(Set(delays).count > 100)
        #expect((delays.max() ?? 0) - (delays.min() ?? 0) > 0.1, "spread over the 0.2-0.4 s window")
    }

    @Test("capped at max_backoff, also for sub-second settings and very many attempts")
    func capped() {
        let tight = DeliveryWorker.Options(initialBackoff: .milliseconds(100), maxBackoff: .milliseconds(300))
        for attempt in [4, 10, 100, 10_000] {
            let delay = DeliveryWorker.backoff(attempt: attempt, retryAfter: nil, options: tight)
            #expect(delay >= 0.15 && delay <= 0.3, "attempt \(attempt): \(delay)")
        }
        #expect(DeliveryWorker.backoff(attempt: 60, retryAfter: nil, options: Self.options) <= 10)
    }

    @Test("Retry-After is honoured as a minimum, within max_backoff")
    func retryAfter() {
        #expect(DeliveryWorker.backoff(attempt: 1, retryAfter: .seconds(3), options: Self.options) == 3)
        #expect(DeliveryWorker.backoff(attempt: 1, retryAfter: .seconds(60), options: Self.options) == 10)
        let late = DeliveryWorker.backoff(attempt: 7, retryAfter: .seconds(1), options: Self.options)
        #expect(late >= 3.2, "a short Retry-After does not shorten the backoff (\(late))")
    }
}
