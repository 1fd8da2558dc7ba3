import Foundation
import Redaction

/// A key that accepts any name: used to list every key a mapping really has.
struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }
}

extension Decoder {
    /// Fails on any key that `Keys` does not name, so a typo never passes silently.
    public func rejectUnknownKeys<Keys: CodingKey & CaseIterable>(_: Keys.Type) throws {
        guard let all = try? container(keyedBy: AnyCodingKey.self) else { return }
        let known = Set(Keys.allCases.map(\.stringValue))
        for key in all.allKeys where !known.contains(key.stringValue) {
            let choices = known.sorted().joined(separator: ", ")
            throw ConfigError(
                reason: .unknownField, field: ConfigError.render(codingPath + [key]),
                problem: "unknown field \"\(key.stringValue)\" (known here: \(choices))")
        }
    }
}

/// Where relative `*_file` paths are resolved: the config file's folder, as Alertmanager does.
public enum ConfigFiles {
    @TaskLocal public static var baseDirectory: String = FileManager.default.currentDirectoryPath

    /// Reads a secret file, trimming one trailing newline (files written by `echo` have one).
    static func readSecret(_ path: String) throws(ConfigError) -> Secret {
        let full = path.hasPrefix("/") ? path : baseDirectory + "/" + path
        guard let data = FileManager.default.contents(atPath: full) else {
            throw ConfigError(reason: .unreadable, field: "", problem: "cannot read file \"\(full)\"")
        }
        var text = String(decoding: data, as: UTF8.self)
        while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
        return Secret(text)
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
