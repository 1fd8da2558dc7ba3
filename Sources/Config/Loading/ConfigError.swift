import Alerting

/// A configuration problem a person can act on: where (file, line, key path) and what.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Bounded kinds of problem.
    public enum Reason: String, Sendable, CaseIterable {
        /// The file could not be read.
        case unreadable
        /// The text is not valid YAML.
        case syntax
        /// A key PullDoctor does not know (often a typo).
        case unknownField = "unknown_field"
        /// A value of the wrong type.
        case wrongType = "wrong_type"
        /// A value outside what the setting accepts.
        case invalidValue = "invalid_value"
        /// `${VAR}` names a variable that is not set.
        case missingEnvironment = "missing_environment"
    }

    public let reason: Reason
    /// The file, when loaded from one.
    public var file: String?
    /// 1-based line of the offending key or value, when known.
    public var line: Int?
    /// Dotted key path, e.g. `web.auth.bearer_token_file`.
    public var field: String
    /// What is wrong and, where possible, how to fix it.
    public var problem: String

    public init(reason: Reason, file: String? = nil, line: Int? = nil, field: String, problem: String) {
        self.reason = reason
        self.file = file
        self.line = line
        self.field = field
        self.problem = problem
    }

    public var description: String {
        var location = file ?? "config"
        if let line { location += ":\(line)" }
        return field.isEmpty ? "\(location): \(problem)" : "\(location): \(field): \(problem)"
    }

    /// An invalid value at `path`.
    public static func invalid(_ path: [any CodingKey], _ problem: String) -> ConfigError {
        ConfigError(reason: .invalidValue, field: render(path), problem: problem)
    }

    static func render(_ path: [any CodingKey]) -> String { FieldPath.render(path) }
}
