import Foundation
import Logging
import Synchronization

/// A swift-log handler writing one line per event to stderr, in logfmt (as Prometheus and Alertmanager
/// log) or JSON. Keys are dotted (`pulldoctor.pod`); values are quoted and escaped as each format needs.
public struct LineLogHandler: LogHandler {
    /// The line format.
    public enum Format: String, Sendable, CaseIterable {
        case logfmt, json
    }

    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    private let label: String
    private let format: Format
    private let output: LogOutput

    public init(label: String, level: Logger.Level, format: Format, output: LogOutput = .standardError) {
        self.label = label
        self.logLevel = level
        self.format = format
        self.output = output
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var fields: [(String, String)] = [
            ("ts", Self.timestamp()), ("level", Self.levelName(event.level)), ("logger", label),
            ("caller", "\(event.file.split(separator: "/").last ?? ""):\(event.line)"),
            ("msg", "\(event.message)"),
        ]
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        for key in merged.keys.sorted() {
            fields.append((key, "\(merged[key]!)"))
        }
        let line: String
        switch format {
        case .logfmt: line = fields.map { "\($0.0)=\(Self.logfmtValue($0.1))" }.joined(separator: " ")
        case .json: line = "{" + fields.map { "\(Self.jsonString($0.0)):\(Self.jsonString($0.1))" }.joined(separator: ",") + "}"
        }
        output.write(line + "\n")
    }

    static func levelName(_ level: Logger.Level) -> String {
        switch level {
        case .trace, .debug: return "debug"
        case .info, .notice: return "info"
        case .warning: return "warn"
        case .error, .critical: return "error"
        }
    }

    static func timestamp() -> String {
        Date().formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    /// Bare when safe, else quoted with `"` and `\` escaped and control characters written as escapes.
    static func logfmtValue(_ value: String) -> String {
        let needsQuotes = value.isEmpty || value.contains { $0 == " " || $0 == "=" || $0 == "\"" || $0.isNewline || $0 == "\\" || ($0.asciiValue ?? 32) < 32 }
        guard needsQuotes else { return value }
        return "\"" + escape(value) + "\""
    }

    static func jsonString(_ value: String) -> String { "\"" + escape(value) + "\"" }

    private static func escape(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.count + 2)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}

/// Where log lines go: stderr, or a buffer tests can read.
public final class LogOutput: Sendable {
    private let lines = Mutex<[String]?>(nil)

    /// Lines go to standard error.
    public static let standardError = LogOutput(capture: false)

    /// - Parameter capture: keep lines in memory (for tests) instead of writing them to stderr.
    public init(capture: Bool) {
        if capture { lines.withLock { $0 = [] } }
    }

    func write(_ line: String) {
        let captured = lines.withLock { buffer -> Bool in
            guard buffer != nil else { return false }
            buffer!.append(line)
            return true
        }
        if !captured { FileHandle.standardError.write(Data(line.utf8)) }
    }

    /// Lines captured so far (empty when writing to stderr).
    public var captured: [String] { lines.withLock { $0 ?? [] } }
}
