import CurlClient
import Foundation

/// The strict-decoding pieces ``SinkConfig`` needs: unknown keys, secrets inline or from files,
/// durations. Failures are `DecodingError.dataCorrupted` carrying the key's coding path, which the
/// configuration loader turns into `file:line: sinks[0].key: problem`.
///
/// Notify does not import the `Config` target so that `Config` can hold `sinks: [SinkConfig]` without a
/// dependency cycle; these few rules mirror its `rejectUnknownKeys`, `decodeSecret` and durations.
enum SinkDecoding {
    /// A coding key for list indexes and mapping keys in error paths.
    struct Index: CodingKey {
        var stringValue: String
        var intValue: Int?
        init(_ index: Int) {
            stringValue = String(index)
            intValue = index
        }
        init(_ key: String) { stringValue = key }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { self.init(intValue) }
    }

    static func invalid(_ path: [any CodingKey], _ problem: String) -> DecodingError {
        .dataCorrupted(DecodingError.Context(codingPath: path, debugDescription: problem))
    }

    /// Fails on any key `Keys` does not name, so a typo never passes silently.
    static func rejectUnknownKeys<Keys: CodingKey & CaseIterable>(_ decoder: any Decoder, _: Keys.Type) throws {
        guard let all = try? decoder.container(keyedBy: Index.self) else { return }
        let known = Set(Keys.allCases.map(\.stringValue))
        for key in all.allKeys where !known.contains(key.stringValue) {
            throw invalid(decoder.codingPath + [key],
                          "unknown field \"\(key.stringValue)\" (known here: \(known.sorted().joined(separator: ", ")))")
        }
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
            var text = try read(path, at: c.codingPath + [file])
            // Files written by `echo` end with a newline that is not part of the secret.
            while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
            return Secret(text)
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
        let full = path.hasPrefix("/") ? path : SinkConfig.baseDirectory + "/" + path
        guard let data = FileManager.default.contents(atPath: full) else {
            throw invalid(codingPath, "cannot read file \"\(full)\"")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// A duration written as Prometheus writes them (`500ms`, `10s`, `1m30s`, `4h`), within bounds.
    static func duration<K: CodingKey>(
        _ c: KeyedDecodingContainer<K>, _ key: K, minimum: Duration, maximum: Duration? = nil
    ) throws -> Duration? {
        guard let text = try c.decodeIfPresent(String.self, forKey: key) else { return nil }
        guard let value = parseDuration(text) else {
            throw invalid(c.codingPath + [key], "\"\(text)\" is not a duration (use e.g. 500ms, 10s, 1m30s, 4h)")
        }
        if value < minimum { throw invalid(c.codingPath + [key], "must be at least \(format(minimum))") }
        if let maximum, value > maximum { throw invalid(c.codingPath + [key], "must be at most \(format(maximum))") }
        return value
    }

    /// Parses `1h30m`-style durations in ms, s, m and h units; nil when malformed or not positive.
    static func parseDuration(_ text: String) -> Duration? {
        var total: Duration = .zero
        var digits = ""
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        guard !rest.isEmpty else { return nil }
        while let first = rest.first {
            if first.isASCII && first.isNumber {
                digits.append(first)
                rest = rest.dropFirst()
                continue
            }
            // At most 9 digits, so the unit multiplication below cannot overflow.
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

    private static func format(_ duration: Duration) -> String {
        let ms = duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
        return ms % 1000 == 0 ? "\(ms / 1000)s" : "\(ms)ms"
    }
}
