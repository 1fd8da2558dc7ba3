import Config
import Foundation
import Logging
import Telemetry

/// Installs the process-wide log handler from the `log:` settings.
enum LoggingSetup {
    static func bootstrap(_ config: LogConfig) -> Logger {
        let level: Logger.Level = switch config.level {
        case .debug: .debug
        case .info: .info
        case .warn: .warning
        case .error: .error
        }
        let format: LineLogHandler.Format = config.format == .json ? .json : .logfmt
        LoggingSystem.bootstrap { label in LineLogHandler(label: label, level: level, format: format) }
        return Logger(label: "pulldoctor")
    }
}

func printError(_ message: String) {
    var standardError = StandardErrorStream()
    print(message, to: &standardError)
}

struct StandardErrorStream: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandle.standardError.write(Data(string.utf8))
    }
}
