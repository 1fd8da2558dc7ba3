@testable import Server
import Synchronization
import Testing

@Suite("WebhookBodyBudget")
struct WebhookBodyBudgetTests {
    @Test("requests share the limit; what is given back can be taken again")
    func shared() {
        let seen = Mutex<[Int]>([])
        let budget = WebhookBodyBudget { value in seen.withLock { $0.append(value) } }
        #expect(budget.reserve(600, limit: 1000))
        #expect(budget.reserve(400, limit: 1000), "exactly at the limit is allowed")
        #expect(!budget.reserve(1, limit: 1000))
        #expect(budget.inFlight == 1000, "a refused reservation takes nothing")
        budget.release(600)
        #expect(budget.reserve(500, limit: 1000))
        budget.release(500)
        budget.release(400)
        #expect(budget.inFlight == 0)
        #expect(seen.withLock { $0 } == [600, 1000, 400, 900, 400, 0])
    }

    @Test("a body larger than the limit is taken when it is alone, and grows alone")
    func aloneOverLimit() {
        let budget = WebhookBodyBudget()
        #expect(budget.reserve(5000, limit: 1000), "alone: admitted, so one large storm still gets through")
        #expect(!budget.reserve(10, limit: 1000), "nothing else while it is held")
        #expect(budget.reserve(3000, holding: 5000, limit: 1000), "a chunked body keeps growing while it is the only one")
        budget.release(8000)
        #expect(budget.reserve(100, limit: 1000))
        #expect(!budget.reserve(950, holding: 0, limit: 1000))
        #expect(budget.reserve(100, holding: 100, limit: 1000), "growing within the limit beside nothing else")
        #expect(budget.inFlight == 200)
    }

    @Test("a growing body is refused once others hold bytes and the sum would pass the limit")
    func growingBesideOthers() {
        let budget = WebhookBodyBudget()
        #expect(budget.reserve(700, limit: 1000))
        #expect(budget.reserve(200, limit: 1000))
        #expect(!budget.reserve(200, holding: 200, limit: 1000))
        #expect(budget.reserve(100, holding: 200, limit: 1000))
        #expect(budget.inFlight == 1000)
    }
}
