import Foundation

/// Kubernetes timestamps: RFC 3339 `Time` (`2026-11-21T19:35:30Z`) and `MicroTime` (`...30.308123Z`).
enum KubeTime {
    /// Parses either form; `nil` for an empty or malformed value.
    static func parse(_ text: String) -> Date? {
        guard !text.isEmpty else { return nil }
        if let date = try? Date(text, strategy: .iso8601) { return date }
        return try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    /// Formats as the API server writes `metav1.Time`: whole seconds, UTC, `Z`.
    static func format(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle())
    }
}

/// Durations written the Go way in kubesim.yaml and placeholders: `150ms`, `2s`, `1.5m`, `3h`, `1d`.
enum DurationText {
    /// Parses a duration; `nil` when the text is not a number followed by a known unit.
    static func parse(_ text: String) -> Duration? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let units: [(suffix: String, seconds: Double)] = [
            ("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("d", 86400),
        ]
        for unit in units where trimmed.hasSuffix(unit.suffix) {
            let number = trimmed.dropLast(unit.suffix.count)
            // "ms" must win over "s": "150ms" minus "s" would leave "150m", not a number with a unit.
            guard let value = Double(number), value >= 0, value.isFinite else { continue }
            return .milliseconds(Int64((value * unit.seconds * 1000).rounded()))
        }
        return nil
    }
}

extension Duration {
    /// Whole milliseconds, rounded down.
    var wholeMilliseconds: Int64 {
        components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
    }
}
