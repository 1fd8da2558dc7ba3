import Foundation
@testable import Registry
import Testing

@Suite struct RateLimitInfoTests {
    @Test func dockerHubHeaders() throws {
        // The form captured in gist.github.com/jeversol/369009aaad4cd2cd8e2610fa68d4c4be.
        let info = try #require(RateLimitInfo(headers: [("ratelimit-limit", "100;w=21600"), ("ratelimit-remaining", "0;w=21600")]))
        #expect(info == RateLimitInfo(limit: 100, remaining: 0, windowSeconds: 21600))
        #expect(info.summary == "0 of 100 left per 21600 s window")
    }

    @Test func noHeadersNoInfo() {
        #expect(RateLimitInfo(headers: [("Content-Type", "application/json")]) == nil)
        #expect(RateLimitInfo(headers: [("ratelimit-limit", "lots")]) == nil)
    }

    @Test func retryAfterSeconds() {
        #expect(RateLimitInfo(headers: [("Retry-After", "120")])?.retryAfterSeconds == 120)
        #expect(RateLimitInfo(headers: [("retry-after", "-5")])?.retryAfterSeconds == 0)
    }

    @Test func retryAfterHTTPDate() throws {
        // RFC 9110's own example date.
        let date = try #require(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT"))
        #expect(date.timeIntervalSince1970 == 784_111_777)
        let now = Date(timeIntervalSince1970: 784_111_777 - 90)
        #expect(RateLimitInfo(headers: [("Retry-After", "Sun, 06 Nov 1994 08:49:37 GMT")], now: now)?.retryAfterSeconds == 90)
        let later = Date(timeIntervalSince1970: 784_111_777 + 10)
        #expect(RateLimitInfo(headers: [("Retry-After", "Sun, 06 Nov 1994 08:49:37 GMT")], now: later)?.retryAfterSeconds == 0)
    }

    @Test(arguments: ["tomorrow", "Sun, 06 Nov 1994 08:49:37 PST", "Sun, 06 Foo 1994 08:49:37 GMT", "06 Nov 1994 08:49:37 GMT"])
    func badDatesAreIgnored(text: String) {
        #expect(HTTPDate.parse(text) == nil)
    }

    @Test func quotaForms() {
        #expect(RateLimitInfo.parseQuota("100;w=21600")! == (100, 21600))
        #expect(RateLimitInfo.parseQuota("200")! == (200, nil))
        #expect(RateLimitInfo.parseQuota("100;w=60, 1000;w=3600")! == (100, 60))
        #expect(RateLimitInfo.parseQuota(";w=1") == nil)
    }
}
