#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// RFC 3339 timestamps as Alertmanager writes them: with or without fractional seconds, `Z` or an offset.
enum RFC3339 {
    /// The zero time Alertmanager writes as the `endsAt` of a firing alert.
    static let zeroTime = "0001-01-01T00:00:00Z"

    static func parse(_ text: String) -> Date? {
        // One style, chosen by the presence of fractional seconds, rather than trying both.
        if text.utf8.contains(UInt8(ascii: ".")) {
            return try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
        }
        return try? Date(text, strategy: Date.ISO8601FormatStyle())
    }
}

/// A stable identity for alerts that arrive without Alertmanager's fingerprint (other senders).
enum LabelFingerprint {
    /// FNV-1a over the sorted label pairs, as 16 hex digits (the shape Alertmanager's fingerprints have).
    static func of(_ labels: [String: String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for (name, value) in labels.sorted(by: { $0.key < $1.key }) {
            for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            hash = (hash ^ 0xff) &* 0x100_0000_01b3
            for byte in value.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            hash = (hash ^ 0xff) &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
