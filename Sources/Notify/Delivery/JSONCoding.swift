import Foundation

/// The JSON encoder every sink uses: stable key order (bodies are comparable in tests and logs) and
/// slashes left unescaped (URLs read as URLs).
enum JSONCoding {
    static func encode(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return Array(try encoder.encode(value))
    }
}
