extension Classification {
    /// Appends the verdict as one line of JSON (ending in `\n`), in the same shape as its `Codable`
    /// form: `{"category":..,"reason":..,"confidence":..,"summary":..,"rule":..,"facts":{..}}`.
    /// Absent facts are left out. `extra` fields (already-escaped names, plain string values) are
    /// written first, e.g. the input message.
    ///
    /// Written by hand because the CLI streams millions of lines and Foundation's encoder costs
    /// more per line than classifying does.
    public func appendJSONLine(to output: inout [UInt8], extra: [(name: String, value: String)] = []) {
        output.append(UInt8(ascii: "{"))
        var writer = JSONObjectWriter()
        for field in extra { writer.field(field.name, string: field.value, to: &output) }
        writer.field("category", string: category.rawValue, to: &output)
        writer.field("reason", string: reason.rawValue, to: &output)
        writer.field("confidence", string: confidence.rawValue, to: &output)
        writer.field("summary", string: summary, to: &output)
        writer.field("rule", string: rule, to: &output)
        writer.key("facts", to: &output)
        facts.appendJSONObject(to: &output)
        output.append(contentsOf: [UInt8(ascii: "}"), UInt8(ascii: "\n")])
    }
}

extension MessageFacts {
    /// Appends the facts as a JSON object, present fields only, with the `Codable` key names.
    public func appendJSONObject(to output: inout [UInt8]) {
        output.append(UInt8(ascii: "{"))
        var writer = JSONObjectWriter()
        writer.field(CodingKeys.image.rawValue, string: image, to: &output)
        writer.field(CodingKeys.registryHost.rawValue, string: registryHost, to: &output)
        writer.field(CodingKeys.registry.rawValue, string: registry.rawValue, to: &output)
        writer.field(CodingKeys.endpointHost.rawValue, string: endpointHost, to: &output)
        writer.field(CodingKeys.mirrorHost.rawValue, string: mirrorHost, to: &output)
        writer.field(CodingKeys.requestKind.rawValue, string: requestKind?.rawValue, to: &output)
        writer.field(CodingKeys.httpStatus.rawValue, integer: httpStatus, to: &output)
        writer.field(CodingKeys.registryErrorCode.rawValue, string: registryErrorCode?.rawValue, to: &output)
        writer.field(CodingKeys.remoteAddress.rawValue, string: remoteAddress, to: &output)
        writer.field(CodingKeys.lookupHost.rawValue, string: lookupHost, to: &output)
        writer.field(CodingKeys.retryAfterSeconds.rawValue, integer: retryAfterSeconds, to: &output)
        writer.field(CodingKeys.grpcCode.rawValue, string: grpcCode?.rawValue, to: &output)
        writer.field(CodingKeys.kubeletReason.rawValue, string: kubeletReason?.rawValue, to: &output)
        if let credentialsSent {
            writer.key(CodingKeys.credentialsSent.rawValue, to: &output)
            output.append(contentsOf: credentialsSent ? Array("true".utf8) : Array("false".utf8))
        }
        output.append(UInt8(ascii: "}"))
    }
}

/// Writes the members of one JSON object: commas, quoted keys, escaped strings.
struct JSONObjectWriter {
    private var first = true

    mutating func key(_ name: String, to output: inout [UInt8]) {
        if !first { output.append(UInt8(ascii: ",")) }
        first = false
        Self.appendString(name, to: &output)
        output.append(UInt8(ascii: ":"))
    }

    mutating func field(_ name: String, string value: String?, to output: inout [UInt8]) {
        guard let value else { return }
        key(name, to: &output)
        Self.appendString(value, to: &output)
    }

    mutating func field(_ name: String, integer value: Int?, to output: inout [UInt8]) {
        guard let value else { return }
        key(name, to: &output)
        output.append(contentsOf: String(value).utf8)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// A JSON string literal: quotes, backslashes and control characters escaped; everything else
    /// (valid UTF-8, as Swift strings always are) copied.
    static func appendString(_ value: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x00..<0x20:
                output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                           hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]])
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
