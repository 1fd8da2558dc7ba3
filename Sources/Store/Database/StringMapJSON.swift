import Foundation

/// JSON text for the flat string maps the store keeps (alert labels and annotations).
///
/// Written by hand because it is on the ingest path: JSONEncoder spent more time encoding two small
/// maps per alert than SQLite spent storing the alert (perf, group-commit test). Keys are sorted so equal
/// maps store equal text; reading goes through JSONDecoder, off the hot path.
enum StringMapJSON {
    /// Encodes a map as a JSON object with sorted keys.
    static func encode(_ map: [String: String]) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        bytes.reserveCapacity(map.reduce(2) { $0 + $1.key.utf8.count + $1.value.utf8.count + 6 })
        for (index, key) in map.keys.sorted().enumerated() {
            if index > 0 {
                bytes.append(UInt8(ascii: ","))
            }
            appendString(key, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            appendString(map[key] ?? "", to: &bytes)
        }
        bytes.append(UInt8(ascii: "}"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Decodes a JSON object of strings; text that is not one reads as an empty map, so one hand-edited
    /// row cannot fail a whole page.
    static func decode(_ text: String) -> [String: String] {
        (try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))) ?? [:]
    }

    /// Appends a quoted JSON string: `"` and `\` escaped, control characters as escapes, the rest as
    /// UTF-8 (JSON allows any other character unescaped).
    private static func appendString(_ string: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "\n"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case UInt8(ascii: "\t"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: Array("\\u00".utf8))
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0f)])
            default:
                bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
