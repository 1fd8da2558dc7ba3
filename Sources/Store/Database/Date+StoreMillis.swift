import Foundation

/// Every time is stored as integer milliseconds since 1970: exact equality for the (fingerprint, startsAt)
/// key, cheap comparisons and arithmetic for ages, and readable with `datetime(x/1000, 'unixepoch')`.
extension Date {
    /// This date as milliseconds since 1970, rounded to the nearest millisecond.
    var storeMillis: Int64 {
        Int64((timeIntervalSince1970 * 1000).rounded())
    }

    /// A date from milliseconds since 1970.
    init(storeMillis: Int64) {
        self.init(timeIntervalSince1970: TimeInterval(storeMillis) / 1000)
    }
}

extension Duration {
    /// This duration in whole milliseconds (rounded down), for adding to stored times.
    var storeMillis: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
