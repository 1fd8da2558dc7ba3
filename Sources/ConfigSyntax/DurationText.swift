/// Durations written as Prometheus and Alertmanager write them: `500ms`, `10s`, `1m30s`, `4h`, `1d`. Every
/// duration in the config file (the `Config` sections and each sink's) is read here.
public enum DurationText {
    /// Parses `text` (surrounding spaces allowed); nil when it is malformed or not positive. Each number has
    /// at most 9 ASCII digits, so no unit conversion can overflow.
    public static func parse(_ text: String) -> Duration? {
        var total: Duration = .zero
        var digits = ""
        var rest = Substring(text.trimmingSpaces)
        guard !rest.isEmpty else { return nil }
        while let first = rest.first {
            if first.isASCII && first.isNumber {
                digits.append(first)
                rest = rest.dropFirst()
                continue
            }
            guard digits.count <= 9, let value = Int(digits) else { return nil }
            digits = ""
            if rest.hasPrefix("ms") {
                total += .milliseconds(value)
                rest = rest.dropFirst(2)
                continue
            }
            switch first {
            case "s": total += .seconds(value)
            case "m": total += .seconds(value * 60)
            case "h": total += .seconds(value * 3600)
            case "d": total += .seconds(value * 86400)
            default: return nil
            }
            rest = rest.dropFirst()
        }
        guard digits.isEmpty, total > .zero else { return nil }
        return total
    }

    /// `10s`, or `1500ms` when not a whole number of seconds: for "must be at least ..." messages.
    public static func format(_ duration: Duration) -> String {
        let ms = duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
        return ms % 1000 == 0 ? "\(ms / 1000)s" : "\(ms)ms"
    }
}

extension String {
    fileprivate var trimmingSpaces: Substring {
        var slice = Substring(self)
        while slice.first == " " || slice.first == "\t" { slice.removeFirst() }
        while slice.last == " " || slice.last == "\t" { slice.removeLast() }
        return slice
    }
}
