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
