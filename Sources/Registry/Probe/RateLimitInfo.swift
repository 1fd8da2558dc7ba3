import CurlClient
import Foundation

/// What a registry said about its rate limit: Docker Hub's `ratelimit-limit` / `ratelimit-remaining`
/// headers and, on a 429, `Retry-After`.
///
/// Docker Hub sends the pair on manifest requests in the form `100;w=21600` (100 pulls per 21600-second
/// window), e.g. `ratelimit-limit: 100;w=21600` and `ratelimit-remaining: 0;w=21600` as captured in
/// https://gist.github.com/jeversol/369009aaad4cd2cd8e2610fa68d4c4be. Authenticated accounts without a
/// limit get no such headers.
public struct RateLimitInfo: Codable, Sendable, Hashable {
    /// Requests allowed per window (`ratelimit-limit`).
    public var limit: Int?
    /// Requests left in the current window (`ratelimit-remaining`).
    public var remaining: Int?
    /// The window in seconds (`w=` of either header).
    public var windowSeconds: Int?
    /// Seconds to wait before retrying, from `Retry-After` (a number of seconds, or an HTTP date turned
    /// into seconds from the response's arrival).
    public var retryAfterSeconds: Int?

    enum CodingKeys: String, CodingKey {
        case limit
        case remaining
        case windowSeconds = "window_seconds"
        case retryAfterSeconds = "retry_after_seconds"
    }

    /// A value from its parts.
    public init(limit: Int? = nil, remaining: Int? = nil, windowSeconds: Int? = nil, retryAfterSeconds: Int? = nil) {
        self.limit = limit
        self.remaining = remaining
        self.windowSeconds = windowSeconds
        self.retryAfterSeconds = retryAfterSeconds
    }

    /// Reads the headers of one response; `nil` when it carries none of them.
    /// - Parameter now: the moment the response arrived, to turn an HTTP-date `Retry-After` into seconds.
    public init?(headers: [(name: String, value: String)], now: Date = Date()) {
        func value(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name }?.value
        }
        let limit = value("ratelimit-limit").flatMap(Self.parseQuota)
        let remaining = value("ratelimit-remaining").flatMap(Self.parseQuota)
        let retry = value("retry-after").flatMap { Self.parseRetryAfter($0, now: now) }
        guard limit != nil || remaining != nil || retry != nil else { return nil }
        self.init(limit: limit?.count, remaining: remaining?.count,
                  windowSeconds: limit?.window ?? remaining?.window, retryAfterSeconds: retry)
    }

    /// Keeps what `newer` says and fills the rest from `self`.
    func merged(with newer: RateLimitInfo) -> RateLimitInfo {
        RateLimitInfo(limit: newer.limit ?? limit, remaining: newer.remaining ?? remaining,
                      windowSeconds: newer.windowSeconds ?? windowSeconds,
                      retryAfterSeconds: newer.retryAfterSeconds ?? retryAfterSeconds)
    }

    /// `76 of 100 left per 21600 s window; retry after 30 s`.
    public var summary: String {
        var parts: [String] = []
        if let remaining, let limit {
            parts.append("\(remaining) of \(limit) left" + (windowSeconds.map { " per \($0) s window" } ?? ""))
        } else if let limit {
            parts.append("limit \(limit)" + (windowSeconds.map { " per \($0) s window" } ?? ""))
        } else if let remaining {
            parts.append("\(remaining) left")
        }
        if let retryAfterSeconds { parts.append("retry after \(retryAfterSeconds) s") }
        return parts.joined(separator: "; ")
    }

    /// `100;w=21600` → (100, 21600); a bare `100` → (100, nil). Some registries list several
    /// comma-separated quotas: the first one counts.
    static func parseQuota(_ text: String) -> (count: Int, window: Int?)? {
        let first = text.split(separator: ",").first.map(String.init) ?? text
        let parts = first.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let head = parts.first, let count = Int(head) else { return nil }
        let window = parts.dropFirst().lazy.compactMap { part -> Int? in
            guard part.lowercased().hasPrefix("w=") else { return nil }
            return Int(part.dropFirst(2))
        }.first
        return (count, window)
    }

    /// `Retry-After`: delta-seconds or an HTTP-date (RFC 9110 §10.2.3). A date in the past gives 0.
    static func parseRetryAfter(_ text: String, now: Date) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let seconds = Int(trimmed) { return max(0, seconds) }
        guard let date = HTTPDate.parse(trimmed) else { return nil }
        return max(0, Int(date.timeIntervalSince(now).rounded(.up)))
    }
}

/// The IMF-fixdate form of an HTTP date (`Sun, 06 Nov 1994 08:49:37 GMT`), the only one senders may
/// produce (RFC 9110 §5.6.7). Parsed by hand: a `DateFormatter` would pull in ICU for one header.
enum HTTPDate {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    static func parse(_ text: String) -> Date? {
        // "Sun," "06" "Nov" "1994" "08:49:37" "GMT"
        let fields = text.split(separator: " ")
        guard fields.count == 6, fields[0].hasSuffix(","), fields[5].uppercased() == "GMT",
              let day = Int(fields[1]), let monthIndex = months.firstIndex(of: fields[2].lowercased()),
              let year = Int(fields[3]) else { return nil }
        let clock = fields[4].split(separator: ":").compactMap { Int($0) }
        guard clock.count == 3 else { return nil }
        var components = DateComponents()
        components.year = year
        components.month = monthIndex + 1
        components.day = day
        components.hour = clock[0]
        components.minute = clock[1]
        components.second = clock[2]
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        return calendar.date(from: components)
    }
}
