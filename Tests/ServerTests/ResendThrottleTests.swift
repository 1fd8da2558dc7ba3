import Foundation
import Testing
@testable import Server

@Suite("Which re-sends are diagnosed again")
struct ResendThrottleTests {
    @Test("one re-send per incident per interval; incidents are independent")
    func onePerInterval() {
        let throttle = ResendThrottle(interval: .seconds(60))
        let t0 = Date(timeIntervalSince1970: 1_795_000_000)
        #expect(throttle.admit("a", now: t0))
        #expect(!throttle.admit("a", now: t0.addingTimeInterval(59)))
        #expect(throttle.admit("b", now: t0.addingTimeInterval(59)))
        #expect(throttle.admit("a", now: t0.addingTimeInterval(60)))
        #expect(!throttle.admit("a", now: t0.addingTimeInterval(61)))
    }
}
