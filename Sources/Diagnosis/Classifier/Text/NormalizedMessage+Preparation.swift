extension NormalizedMessage {
    /// The result of normalisation, before facts are extracted.
    struct Prepared {
        var bytes: [UInt8]
        var lower: [UInt8]
        var grpcCode: GRPCCode?
        var truncated: Bool
        var listsSeveralAttempts: Bool
    }

    private static let rpcPrefix = Phrase("rpc error: code = ")
    private static let rpcDescription = Phrase(" desc = ")
    /// A gRPC code name is at most 18 characters (`FailedPrecondition`); anything longer between
    /// `code = ` and ` desc = ` is not a prefix we understand and is left alone.
    private static let longestCode = 24

    /// Caps, collapses whitespace and control characters, strips the gRPC prefixes, lower-cases.
    static func prepare(_ input: UnsafeBufferPointer<UInt8>) -> Prepared {
        var end = input.count
        let truncated = end > maximumLength
        if truncated {
            end = maximumLength
            // Back up to the start of a UTF-8 sequence so the cut does not split a character.
            while end > 0, input[end] & 0xC0 == 0x80 { end -= 1 }
        }
        // One pass writes both the collapsed text and its lower-cased copy.
        var lower: [UInt8] = []
        var written = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: end) { original, originalCount in
            lower = [UInt8](unsafeUninitializedCapacity: end) { lowered, loweredCount in
                var pendingSpace = false
                for index in 0..<end {
                    let byte = input[index]
                    if byte <= 0x20 || byte == 0x7F {
                        pendingSpace = written > 0
                        continue
                    }
                    if pendingSpace {
                        original[written] = 0x20
                        lowered[written] = 0x20
                        written += 1
                        pendingSpace = false
                    }
                    original[written] = byte
                    lowered[written] = Phrase.lowercase(byte)
                    written += 1
                }
                loweredCount = written
            }
            originalCount = written
        }
        var prepared = Prepared(bytes: bytes, lower: lower, grpcCode: nil, truncated: truncated,
                                listsSeveralAttempts: false)
        stripGRPCPrefixes(&prepared)
        if !prepared.listsSeveralAttempts {
            prepared.listsSeveralAttempts = looksLikeCredentialList(prepared.lower)
        }
        return prepared
    }

    /// Removes every `rpc error: code = X desc = ` and remembers the first code.
    private static func stripGRPCPrefixes(_ prepared: inout Prepared) {
        var cuts: [Range<Int>] = []
        var firstCode: GRPCCode?
        var bracketBeforeFirst = false
        prepared.lower.withUnsafeBufferPointer { text in
            rpcPrefix.bytes.withUnsafeBufferPointer { prefix in
                rpcDescription.bytes.withUnsafeBufferPointer { description in
                    var from = 0
                    while let start = search(text, prefix, from: from) {
                        let codeStart = start + prefix.count
                        let window = min(text.count, codeStart + longestCode + description.count)
                        let slice = UnsafeBufferPointer(rebasing: text[0..<window])
                        guard let codeEnd = search(slice, description, from: codeStart) else {
                            from = codeStart
                            continue
                        }
                        if cuts.isEmpty {
                            let token = String(decoding: text[codeStart..<codeEnd], as: UTF8.self)
                            firstCode = GRPCCode(token: token)
                            bracketBeforeFirst = start > 0 && text[start - 1] == UInt8(ascii: "[")
                        }
                        cuts.append(start..<(codeEnd + description.count))
                        from = codeEnd + description.count
                    }
                }
            }
        }
        guard !cuts.isEmpty else { return }
        prepared.grpcCode = firstCode
        prepared.listsSeveralAttempts = bracketBeforeFirst && cuts.count >= 2
        prepared.bytes = removing(cuts, from: prepared.bytes)
        prepared.lower = removing(cuts, from: prepared.lower)
    }

    private static func removing(_ cuts: [Range<Int>], from bytes: [UInt8]) -> [UInt8] {
        var kept: [UInt8] = []
        kept.reserveCapacity(bytes.count)
        var position = 0
        for cut in cuts {
            kept.append(contentsOf: bytes[position..<cut.lowerBound])
            position = cut.upperBound
        }
        kept.append(contentsOf: bytes[position...])
        return kept
    }

    /// Since 1.28 the `Unknown` prefixes are gone, so a credential list reads `": [X, Y]`: a
    /// bracket right after the image's closing quote and the message ending with the bracket.
    private static func looksLikeCredentialList(_ lower: [UInt8]) -> Bool {
        guard lower.last == UInt8(ascii: "]") else { return false }
        let marker: [UInt8] = Array("\": [".utf8)
        return lower.withUnsafeBufferPointer { text in
            marker.withUnsafeBufferPointer { search(text, $0, from: 0) != nil }
        }
    }
}
