import CurlClient
import Foundation
@testable import Registry
import Testing

extension LiveRegistryTests {
    /// Network failures, rate limits and server errors, each kept distinct.
    @Suite struct Failures {
        @Test func unresolvableHost() async throws {
            let fixture = try #require(LiveFixture.current)
            let result = await fixture.makeProbe().probe(ProbeRequest(image: "registry.invalid/team/app:v1"))
            #expect(result.outcome == .dns, "\(result.reason)")
            #expect(result.transportError == "dns")
            #expect(result.endpoint == "https://registry.invalid")
        }

        @Test func refusedConnection() async throws {
            let fixture = try #require(LiveFixture.current)
            let port = try ManagedProcess.freePort()
            let result = await fixture.makeProbe().probe(ProbeRequest(image: "127.0.0.1:\(port)/team/app:v1"))
            #expect(result.outcome == .connectionRefused, "\(result.reason)")
            #expect(result.reason.contains("127.0.0.1"))
        }

        @Test func slowRegistryRunsOutOfBudget() async throws {
            let fixture = try #require(LiveFixture.current)
            let started = ContinuousClock.now
            let result = await fixture.makeProbe().probe(ProbeRequest(image: "\(fixture.fakeHost("misc"))/sleepy/app:v1",
                                                                      timeout: .seconds(1)))
            let elapsed = ContinuousClock.now - started
            #expect(result.outcome == .timeout, "\(result.reason)")
            // The server answers after 10 s; the bound is loose because the machine is shared.
            #expect(elapsed < .seconds(5), "the budget bounds the probe (took \(elapsed))")
            #expect(result.durationSeconds >= 0.9)
        }

        @Test func serverError() async throws {
            let fixture = try #require(LiveFixture.current)
            let result = await fixture.makeProbe().probe(ProbeRequest(image: "\(fixture.fakeHost("misc"))/broken/app:v1"))
            #expect(result.outcome == .registryError, "\(result.reason)")
            #expect(result.httpStatus == 500)
            // A 5xx on HEAD is a verdict: no GET after it.
            #expect(result.steps.last?.method == "HEAD")
        }

        @Test func rateLimitedWithRetryAfterSeconds() async throws {
            let fixture = try #require(LiveFixture.current)
            let result = await fixture.makeProbe().probe(ProbeRequest(image: "\(fixture.fakeHost("misc"))/limited/app:v1"))
            #expect(result.outcome == .rateLimited, "\(result.reason)")
            #expect(result.httpStatus == 429)
            #expect(result.rateLimit == RateLimitInfo(limit: 100, remaining: 0, windowSeconds: 21600, retryAfterSeconds: 120))
            #expect(result.reason.contains("0 of 100 left"))
        }

        @Test func rateLimitedWithRetryAfterDate() async throws {
            let fixture = try #require(LiveFixture.current)
            let result = await fixture.makeProbe().probe(ProbeRequest(image: "\(fixture.fakeHost("misc"))/dated/app:v1"))
            #expect(result.outcome == .rateLimited, "\(result.reason)")
            let retry = try #require(result.rateLimit?.retryAfterSeconds)
            #expect((80...91).contains(retry), "Retry-After date 90 s ahead gave \(retry)")
        }

        @Test func quotaHeadersAreReportedOnSuccess() async throws {
            let fixture = try #require(LiveFixture.current)
            let result = await fixture.makeProbe().probe(ProbeRequest(image: "\(fixture.fakeHost("misc"))/quota/app:v1"))
            #expect(result.outcome == .ok, "\(result.reason)")
            #expect(result.rateLimit?.remaining == 76)
            #expect(result.rateLimit?.limit == 100)
            #expect(result.rateLimit?.retryAfterSeconds == nil)
        }
    }
}
