import ConfigSyntax
import CurlClient
import Foundation

/// The strict-decoding pieces ``SinkConfig`` needs: unknown keys, secrets inline or from files,
/// durations. Failures are `DecodingError.dataCorrupted` carrying the key's coding path, which the
/// configuration loader turns into `file:line: sinks[0].key: problem`.
///
/// Notify does not import the `Config` target (so that `Config` can hold `sinks: [SinkConfig]` without a
/// dependency cycle); the rules themselves come from `ConfigSyntax`, which both share. Only the error
/// type differs: here a `DecodingError`, which the loader locates.
enum SinkDecoding {
    /// A coding key for list indexes and mapping keys in error paths.
    typealias Index = UnknownKeys.AnyKey

    static func invalid(_ path: [any CodingKey], _ problem: String) -> DecodingError {
        .dataCorrupted(DecodingError.Context(codingPath: path, debugDescription: problem))
    }

    /// Fails on any key `Keys` does not name, so a typo never passes silently.
    static func rejectUnknownKeys<Keys: CodingKey & CaseIterable>(_ decoder: any Decoder, _ keys: Keys.Type) throws {
        if let (key, problem) = UnknownKeys.first(in: decoder, keys) { throw invalid(decoder.codingPath + [key], problem) }
    }

    /// A secret given inline (`value`, usually `${ENV}`) or in a file (`file`); both set is an error.
    static func secret<K: CodingKey>(_ c: KeyedDecodingContainer<K>, value: K, file: K) throws -> Secret? {
        let inline = try c.decodeIfPresent(Secret.self, forKey: value)
        let path = try c.decodeIfPresent(String.self, forKey: file)
        switch (inline, path) {
        case (.some, .some):
            throw invalid(c.codingPath + [value], "set \(value.stringValue) or \(file.stringValue), not both")
        case (.some(let secret), nil):
            return secret
        case (nil, .some(let path)):
            return Secret(ConfigFileText.secretText(try read(path, at: c.codingPath + [file])))
        case (nil, nil):
            return nil
        }
    }

    /// The text of the file named by `file`, if set.
    static func text<K: CodingKey>(_ c: KeyedDecodingContainer<K>, file: K) throws -> String? {
        guard let path = try c.decodeIfPresent(String.self, forKey: file) else { return nil }
        return try read(path, at: c.codingPath + [file])
    }

    /// A text given inline or in a file; both set is an error.
    static func inlineOrFile<K: CodingKey>(_ c: KeyedDecodingContainer<K>, value: K, file: K) throws -> String? {
        let inline = try c.decodeIfPresent(String.self, forKey: value)
        let fromFile = try text(c, file: file)
        if inline != nil && fromFile != nil {
            throw invalid(c.codingPath + [value], "set \(value.stringValue) or \(file.stringValue), not both")
        }
        return inline ?? fromFile
    }

    /// Reads a file; a relative path resolves against ``SinkConfig/baseDirectory``. The error names the
    /// path (a path is not a secret) but never the content.
    static func read(_ path: String, at codingPath: [any CodingKey]) throws -> String {
        let full = ConfigFileText.resolve(path, base: SinkConfig.baseDirectory)
        guard let text = ConfigFileText.read(full) else { throw invalid(codingPath, "cannot read file \"\(full)\"") }
        return text
    }

    /// A duration written as Prometheus writes them (`500ms`, `10s`, `1m30s`, `4h`), within bounds.
    static func duration<K: CodingKey>(
        _ c: KeyedDecodingContainer<K>, _ key: K, minimum: Duration, maximum: Duration? = nil
    ) throws -> Duration? {
        guard let text = try c.decodeIfPresent(String.self, forKey: key) else { return nil }
        guard let value = DurationText.parse(text) else {
            throw invalid(c.codingPath + [key], "\"\(text)\" is not a duration (use e.g. 500ms, 10s, 1m30s, 4h)")
        }
        if value < minimum { throw invalid(c.codingPath + [key], "must be at least \(DurationText.format(minimum))") }
        if let maximum, value > maximum { throw invalid(c.codingPath + [key], "must be at most \(DurationText.format(maximum))") }
        return value
    }
}
