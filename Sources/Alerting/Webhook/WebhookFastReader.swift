#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A single pass over a well-formed version-4 payload, building the ``WebhookPayload`` directly from the
/// bytes: the webhook's hot path. Foundation's `JSONDecoder` cost about 30% of the server's CPU at ingest
/// (a coding-path node, an existential box and a hash per label), this reader a small part of that.
///
/// It only ever answers for bodies it fully understands, and gives up (`nil`) on anything else: invalid
/// JSON, a missing or mistyped field, an escape it does not decode, a number outside a plain integer, a
/// duplicated key, nesting deeper than 64. ``WebhookDecoder`` then decodes the body with `JSONDecoder`,
/// which produces the payload or the field-path error. So the two agree by construction on everything
/// this reader accepts, which the tests and the webhook fuzzer check on every input.
struct WebhookFastReader {
    private let bytes: UnsafeRawBufferPointer
    private var index = 0

    private init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// The payload, or nil when the body must go through `JSONDecoder`.
    static func read(_ body: some Collection<UInt8>) -> WebhookPayload? {
        if let result = body.withContiguousStorageIfAvailable({ buffer in
            var reader = WebhookFastReader(UnsafeRawBufferPointer(buffer))
            return reader.payload()
        }) {
            return result
        }
        let copy = Array(body)
        return copy.withUnsafeBytes { buffer in
            var reader = WebhookFastReader(buffer)
            return reader.payload()
        }
    }

    // MARK: The schema

    private mutating func payload() -> WebhookPayload? {
        var version: String?
        var groupKey: String?
        var truncated: Int?
        var status: String?
        var receiver: String?
        var groupLabels: [String: String]?
        var commonLabels: [String: String]?
        var commonAnnotations: [String: String]?
        var externalURL: String?
        var alerts: [Alert]?
        var seen = Set<String>()
        skipSpace()
        guard object(seen: &seen, { reader, key in
            switch key {
            case "version": return reader.optionalString(into: &version)
            case "groupKey": return reader.optionalString(into: &groupKey)
            case "truncatedAlerts": return reader.optionalInteger(into: &truncated)
            case "status": return reader.optionalString(into: &status)
            case "receiver": return reader.optionalString(into: &receiver)
            case "groupLabels": return reader.optionalMap(into: &groupLabels)
            case "commonLabels": return reader.optionalMap(into: &commonLabels)
            case "commonAnnotations": return reader.optionalMap(into: &commonAnnotations)
            case "externalURL": return reader.optionalString(into: &externalURL)
            case "alerts":
                alerts = reader.alertList()
                return alerts != nil
            default: return reader.skipValue(depth: 1)
            }
        }) else { return nil }
        skipSpace()
        guard index == bytes.count else { return nil }

        guard version == "4", let alerts, let status = status.flatMap(AlertStatus.init(rawValue:)) else { return nil }
        let truncatedAlerts = truncated ?? 0
        guard truncatedAlerts >= 0 else { return nil }
        return WebhookPayload(
            version: "4", groupKey: groupKey ?? "", truncatedAlerts: truncatedAlerts, status: status,
            receiver: receiver ?? "", groupLabels: groupLabels ?? [:], commonLabels: commonLabels ?? [:],
            commonAnnotations: commonAnnotations ?? [:], externalURL: externalURL ?? "", alerts: alerts)
    }

    private mutating func alertList() -> [Alert]? {
        skipSpace()
        guard take(UInt8(ascii: "[")) else { return nil }
        var alerts: [Alert] = []
        skipSpace()
        if take(UInt8(ascii: "]")) { return alerts }
        while true {
            skipSpace()
            guard let alert = alert() else { return nil }
            alerts.append(alert)
            skipSpace()
            if take(UInt8(ascii: ",")) { continue }
            return take(UInt8(ascii: "]")) ? alerts : nil
        }
    }

    private mutating func alert() -> Alert? {
        var status: String?
        var labels: [String: String]?
        var annotations: [String: String]?
        var startsAt: String?
        var endsAt: String?
        var generatorURL: String?
        var fingerprint: String?
        var seen = Set<String>()
        guard object(seen: &seen, { reader, key in
            switch key {
            case "status": return reader.optionalString(into: &status)
            case "labels": return reader.optionalMap(into: &labels)
            case "annotations": return reader.optionalMap(into: &annotations)
            case "startsAt": return reader.optionalString(into: &startsAt)
            case "endsAt": return reader.optionalString(into: &endsAt)
            case "generatorURL": return reader.optionalString(into: &generatorURL)
            case "fingerprint": return reader.optionalString(into: &fingerprint)
            default: return reader.skipValue(depth: 3)
            }
        }) else { return nil }
        // The same rules as the Decodable path; any miss goes there for its error.
        guard let status = status.flatMap(AlertStatus.init(rawValue:)), let labels, !labels.isEmpty,
              let startsText = startsAt, let starts = RFC3339.parse(startsText) else { return nil }
        var ends: Date?
        if let endsText = endsAt, !endsText.isEmpty, endsText != RFC3339.zeroTime {
            guard let parsed = RFC3339.parse(endsText) else { return nil }
            ends = parsed.timeIntervalSince1970 < 0 ? nil : parsed
        }
        var id = fingerprint ?? ""
        if id.isEmpty { id = LabelFingerprint.of(labels) }
        return Alert(status: status, labels: labels, annotations: annotations ?? [:], startsAt: starts, endsAt: ends,
                     generatorURL: generatorURL ?? "", fingerprint: id)
    }

    // MARK: Values

    /// `{ "key": value, ... }`, calling `member` for each key (positioned at its value). A repeated key
    /// gives up: JSON leaves its meaning open.
    private mutating func object(seen: inout Set<String>, _ member: (inout WebhookFastReader, String) -> Bool) -> Bool {
        skipSpace()
        guard take(UInt8(ascii: "{")) else { return false }
        skipSpace()
        if take(UInt8(ascii: "}")) { return true }
        while true {
            skipSpace()
            guard let key = string(), seen.insert(key).inserted else { return false }
            skipSpace()
            guard take(UInt8(ascii: ":")) else { return false }
            skipSpace()
            guard member(&self, key) else { return false }
            skipSpace()
            if take(UInt8(ascii: ",")) { continue }
            return take(UInt8(ascii: "}"))
        }
    }

    /// A string, or `null` (left nil).
    private mutating func optionalString(into slot: inout String?) -> Bool {
        if literal("null") { return true }
        guard let value = string() else { return false }
        slot = value
        return true
    }

    /// An object of string values, or `null` (left nil).
    private mutating func optionalMap(into slot: inout [String: String]?) -> Bool {
        if literal("null") { return true }
        guard take(UInt8(ascii: "{")) else { return false }
        var map: [String: String] = [:]
        skipSpace()
        if take(UInt8(ascii: "}")) {
            slot = map
            return true
        }
        while true {
            skipSpace()
            guard let key = string() else { return false }
            skipSpace()
            guard take(UInt8(ascii: ":")) else { return false }
            skipSpace()
            guard let value = string(), map.updateValue(value, forKey: key) == nil else { return false }
            skipSpace()
            if take(UInt8(ascii: ",")) { continue }
            guard take(UInt8(ascii: "}")) else { return false }
            slot = map
            return true
        }
    }

    /// A plain integer (`-?(0|[1-9][0-9]*)`, at most 18 digits), or `null` (left nil).
    private mutating func optionalInteger(into slot: inout Int?) -> Bool {
        if literal("null") { return true }
        var negative = false
        if take(UInt8(ascii: "-")) { negative = true }
        let start = index
        var value = 0
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
            index += 1
        }
        let digits = index - start
        guard digits > 0, digits <= 18, !(digits > 1 && bytes[start] == UInt8(ascii: "0")) else { return false }
        // A fraction or an exponent: not a plain integer.
        if index < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[index]) { return false }
        slot = negative ? -value : value
        return true
    }

    /// Skips a value of a key the schema does not name: strings, objects, arrays and literals. Numbers
    /// give up (Alertmanager sends none outside `truncatedAlerts`, and their grammar is `JSONDecoder`'s).
    private mutating func skipValue(depth: Int) -> Bool {
        guard depth <= 64, index < bytes.count else { return false }
        switch bytes[index] {
        case UInt8(ascii: "\""):
            return string() != nil
        case UInt8(ascii: "{"):
            var seen = Set<String>()
            return object(seen: &seen) { reader, _ in reader.skipValue(depth: depth + 1) }
        case UInt8(ascii: "["):
            index += 1
            skipSpace()
            if take(UInt8(ascii: "]")) { return true }
            while true {
                skipSpace()
                guard skipValue(depth: depth + 1) else { return false }
                skipSpace()
                if take(UInt8(ascii: ",")) { continue }
                return take(UInt8(ascii: "]"))
            }
        default:
            return literal("true") || literal("false") || literal("null")
        }
    }

    /// A JSON string. Decodes the two-character escapes and `\uXXXX` outside the surrogate range; gives
    /// up on surrogate escapes, raw control characters and invalid UTF-8.
    private mutating func string() -> String? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = String(validating: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { return escapedString(from: start) }
            if byte < 0x20 { return nil }
            index += 1
        }
        return nil
    }

    private mutating func escapedString(from start: Int) -> String? {
        var out = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(validating: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { return nil }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    guard let code = hex4(), !(0xD800...0xDFFF).contains(code), let scalar = Unicode.Scalar(code) else { return nil }
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                default:
                    return nil
                }
            default:
                guard byte >= 0x20 else { return nil }
                out.append(byte)
            }
        }
        return nil
    }

    private mutating func hex4() -> UInt32? {
        guard index + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    // MARK: Bytes

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let pointer = word.utf8Start
        for offset in 0..<count where bytes[index + offset] != pointer[offset] { return false }
        index += count
        return true
    }
}
