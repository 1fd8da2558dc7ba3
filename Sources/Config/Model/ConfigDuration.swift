/// Durations written as Prometheus writes them: `500ms`, `5s`, `1m30s`, `2h`.
public enum ConfigDuration {
    /// Parses `text`; nil when it is not a positive duration in ms, s, m or h units.
    public static func parse(_ text: String) -> Duration? {
        var total: Duration = .zero
        var digits = ""
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        guard !rest.isEmpty else { return nil }
        while let first = rest.first {
            if first.isNumber {
                digits.append(first)
                rest = rest.dropFirst()
                continue
            }
            guard let value = Int(digits) else { return nil }
            digits = ""
            if rest.hasPrefix("ms") {
                total += .milliseconds(value)
                rest = rest.dropFirst(2)
            } else {
                switch first {
                case "s": total += .seconds(value)
                case "m": total += .seconds(value * 60)
                case "h": total += .seconds(value * 3600)
                default: return nil
                }
                rest = rest.dropFirst()
            }
        }
        guard digits.isEmpty, total > .zero else { return nil }
        return total
    }
}

extension KeyedDecodingContainer {
    /// A duration such as `5s`; the error names the accepted forms.
    func decodeDuration(forKey key: Key) throws -> Duration? {
        guard let text = try decodeIfPresent(String.self, forKey: key) else { return nil }
        guard let duration = ConfigDuration.parse(text) else {
            throw ConfigError.invalid(codingPath + [key], "\"\(text)\" is not a duration (use e.g. 500ms, 5s, 1m)")
        }
        return duration
    }
}
