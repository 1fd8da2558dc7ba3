import ConfigSyntax
import Foundation
import Redaction

extension Decoder {
    /// Fails on any key that `Keys` does not name, so a typo never passes silently.
    public func rejectUnknownKeys<Keys: CodingKey & CaseIterable>(_ keys: Keys.Type) throws {
        if let (key, problem) = UnknownKeys.first(in: self, keys) {
            throw ConfigError(reason: .unknownField, field: ConfigError.render(codingPath + [key]), problem: problem)
        }
    }
}

/// Where relative `*_file` paths are resolved: the config file's folder, as Alertmanager does.
public enum ConfigFiles {
    @TaskLocal public static var baseDirectory: String = FileManager.default.currentDirectoryPath

    /// Reads a secret file, trimming one trailing newline (files written by `echo` have one).
    static func readSecret(_ path: String) throws(ConfigError) -> Secret {
        let full = ConfigFileText.resolve(path, base: baseDirectory)
        guard let text = ConfigFileText.read(full) else {
            throw ConfigError(reason: .unreadable, field: "", problem: "cannot read file \"\(full)\"")
        }
        return Secret(ConfigFileText.secretText(text))
    }
}

extension KeyedDecodingContainer {
    /// A secret given inline (`value`, usually `${ENV}`) or in a file (`file`); both set is an error.
    public func decodeSecret(value: Key, file: Key) throws -> Secret? {
        let inline = try decodeIfPresent(String.self, forKey: value)
        let path = try decodeIfPresent(String.self, forKey: file)
        switch (inline, path) {
        case (.some, .some):
            throw ConfigError.invalid(codingPath + [value], "set \(value.stringValue) or \(file.stringValue), not both")
        case (.some(let text), nil):
            return Secret(text)
        case (nil, .some(let path)):
            do {
                return try ConfigFiles.readSecret(path)
            } catch {
                var located = error
                located.field = ConfigError.render(codingPath + [file])
                throw located
            }
        case (nil, nil):
            return nil
        }
    }
}
