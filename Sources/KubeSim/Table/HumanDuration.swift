import Foundation

/// Ages as kubectl and the API server's table printers show them (`45s`, `5m30s`, `3h`, `2d4h`, `400d`,
/// `3y20d`), following the thresholds of k8s.io/apimachinery `pkg/util/duration` `HumanDuration`.
enum HumanDuration {
    /// The age of `timestamp` at `now`; `<unknown>` when the timestamp is missing or malformed.
    static func since(_ timestamp: String, now: Date) -> String {
        guard let date = KubeTime.parse(timestamp) else { return "<unknown>" }
        return format(now.timeIntervalSince(date))
    }

    /// A duration in seconds, written with at most two units.
    static func format(_ interval: TimeInterval) -> String {
        let seconds = Int(interval.rounded(.towardZero))
        // Up to a second or two of clock skew between machines reads as "now", not as an error.
        if seconds < -1 { return "<invalid>" }
        if seconds < 0 { return "0s" }
        if seconds < 120 { return "\(seconds)s" }
        let minutes = seconds / 60
        if minutes < 10 {
            let rest = seconds % 60
            return rest == 0 ? "\(minutes)m" : "\(minutes)m\(rest)s"
        }
        if minutes < 180 { return "\(minutes)m" }
        let hours = seconds / 3600
        if hours < 8 {
            let rest = minutes % 60
            return rest == 0 ? "\(hours)h" : "\(hours)h\(rest)m"
        }
        if hours < 48 { return "\(hours)h" }
        if hours < 24 * 8 {
            let rest = hours % 24
            return rest == 0 ? "\(hours / 24)d" : "\(hours / 24)d\(rest)h"
        }
        if hours < 24 * 365 * 2 { return "\(hours / 24)d" }
        if hours < 24 * 365 * 8 {
            let days = (hours / 24) % 365
            return days == 0 ? "\(hours / 24 / 365)y" : "\(hours / 24 / 365)y\(days)d"
        }
        return "\(hours / 24 / 365)y"
    }
}
