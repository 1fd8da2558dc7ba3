import ConfigSyntax

/// Durations written as Prometheus writes them: `500ms`, `5s`, `1m30s`, `2h`, `1d`.
public enum ConfigDuration {
    /// Parses `text`; nil when it is not a positive duration in ms, s, m, h or d units.
    public static func parse(_ text: String) -> Duration? { DurationText.parse(text) }
}

extension KeyedDecodingContainer {
    /// A duration such as `5s`; the error names the accepted forms.
    func decodeDuration(forKey key: Key) throws -> Duration? {
        guard let text = try decodeIfPresent(String.self, forKey: key) else { return nil }
        guard let duration = ConfigDuration.parse(text) else {
            throw ConfigError.invalid(codingPath + [key], "\"\(text)\" is not a duration (use e.g. 500ms, 5s, 1m30s)")
        }
        return duration
    }
}
