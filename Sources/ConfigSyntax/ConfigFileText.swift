#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The `*_file` settings: a value kept in a file beside the config (a credential, a template).
public enum ConfigFileText {
    /// The path a `*_file` setting names: absolute as written, else relative to `base` (the config file's
    /// folder, as Alertmanager resolves its own `*_file` settings).
    public static func resolve(_ path: String, base: String) -> String {
        path.hasPrefix("/") ? path : base + "/" + path
    }

    /// The file's text, or nil when it cannot be read.
    public static func read(_ fullPath: String) -> String? {
        FileManager.default.contents(atPath: fullPath).map { String(decoding: $0, as: UTF8.self) }
    }

    /// A secret's text: the file's content without the trailing newlines that `echo` leaves.
    public static func secretText(_ text: String) -> String {
        var text = text
        while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
        return text
    }
}
