/// Why a fixture directory could not be loaded, with the file and a message a person can act on.
public struct FixtureError: Error, CustomStringConvertible, Sendable {
    /// Bounded reasons, for logs and tests.
    public enum Reason: String, Sendable {
        case unreadableDirectory = "unreadable_directory"
        case unreadableFile = "unreadable_file"
        case invalidYAML = "invalid_yaml"
        case unresolvedPlaceholder = "unresolved_placeholder"
        case invalidObject = "invalid_object"
        case duplicateObject = "duplicate_object"
        case invalidConfig = "invalid_config"
    }

    /// The bounded reason.
    public let reason: Reason
    /// The file at fault, relative to the fixture directory; empty for the directory itself.
    public let file: String
    /// What is wrong, and how to fix it.
    public let message: String

    init(_ reason: Reason, file: String, _ message: String) {
        self.reason = reason
        self.file = file
        self.message = message
    }

    public var description: String {
        file.isEmpty ? "fixtures: \(message)" : "fixtures: \(file): \(message)"
    }
}
