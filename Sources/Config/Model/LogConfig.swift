/// Logging settings.
public struct LogConfig: Sendable, Equatable {
    /// How much to log.
    public enum Level: String, Sendable, CaseIterable, Decodable {
        case debug, info, warn, error
    }

    /// Line format: `logfmt` (key=value, as Prometheus logs) or `json`.
    public enum Format: String, Sendable, CaseIterable, Decodable {
        case logfmt, json
    }

    /// Default `info`.
    public var level: Level
    /// Default `logfmt`.
    public var format: Format

    public init(level: Level = .info, format: Format = .logfmt) {
        self.level = level
        self.format = format
    }
}

extension LogConfig: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case level, format
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        level = try c.decodeIfPresent(Level.self, forKey: .level) ?? .info
        format = try c.decodeIfPresent(Format.self, forKey: .format) ?? .logfmt
    }
}
