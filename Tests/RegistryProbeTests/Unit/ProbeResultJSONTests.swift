import Foundation
@testable import Registry
import Testing

@Suite struct ProbeResultJSONTests {
    /// The keys readers depend on; renaming one breaks the JSON API, so the list is spelled out.
    static let keys: Set<String> = [
        "outcome", "reason", "image", "registry", "repository", "reference", "endpoint", "http_status", "error_codes",
        "registry_message", "transport_error", "transport_detail", "digest", "media_type", "platforms",
        "wanted_platform", "platform_available", "available_tags", "rate_limit", "auth_scheme", "credentials_used",
        "credential_kind", "username", "steps", "duration_seconds", "checked_at", "cached", "vantage", "vantage_note",
    ]

    @Test func everyKeyIsPresentEvenWhenEmpty() throws {
        let result = ProbeResult(outcome: .dns, reason: "r", image: "x", checkedAt: Date(timeIntervalSince1970: 0))
        let data = try ProbeResult.jsonEncoder().encode(result)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == Self.keys)
        #expect(object["http_status"] is NSNull)
        #expect(object["outcome"] as? String == "dns")
        #expect(object["vantage"] as? String == "pulldoctor")
        #expect(object["checked_at"] as? String == "1970-01-01T00:00:00Z")
    }

    @Test func roundTrips() throws {
        var result = ProbeResult(outcome: .rateLimited, reason: "slow down", image: "nginx", checkedAt: Date(timeIntervalSince1970: 1000))
        result.httpStatus = 429
        result.platforms = [ImagePlatform(os: "linux", architecture: "arm64", variant: "v8")]
        result.rateLimit = RateLimitInfo(limit: 100, remaining: 0, windowSeconds: 21600, retryAfterSeconds: 30)
        result.steps = [ProbeStep(method: "GET", url: "https://r/token?scope=x", status: 200, durationMilliseconds: 3)]
        let data = try ProbeResult.jsonEncoder().encode(result)
        let decoded = try ProbeResult.jsonDecoder().decode(ProbeResult.self, from: data)
        #expect(decoded == result)
        #expect(decoded.steps.first?.url == "https://r/token", "queries never reach the result")
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""rate_limit":{"limit":100,"remaining":0,"retry_after_seconds":30,"window_seconds":21600}"#))
    }

    @Test func outcomeLabelsAreStable() {
        #expect(ProbeRecord.outcomes.count == ProbeOutcome.allCases.count)
        #expect(ProbeRecord.outcomes.contains("token_endpoint_unreachable"))
        #expect(ProbeOutcome.allCases.allSatisfy { !$0.meaning.isEmpty })
    }
}
