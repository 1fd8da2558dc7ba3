/// A runtime or kubelet error message prepared for matching.
///
/// Normalisation, in order: the text is capped at ``maximumLength`` bytes (on a character
/// boundary), every run of whitespace or control characters becomes one space (ends trimmed),
/// every `rpc error: code = X desc = ` prefix is removed and the first code kept in ``grpcCode``
/// (since Kubernetes 1.28 the kubelet drops the prefix for `Unknown` only, so both shapes must
/// read the same), and an ASCII-lowercased copy is made with the same byte offsets. The facts
/// (image, hosts, HTTP status, ...) are extracted once, here, for every rule to share.
///
/// Invalid UTF-8 is kept as bytes; every `String` made from them repairs it, so nothing here can
/// fail on arbitrary input.
public struct NormalizedMessage: Sendable {
    /// Messages are cut to this many bytes: real ones are under 2 KB, and a cap keeps a hostile
    /// or runaway line from costing more than a bounded scan.
    public static let maximumLength = 16 * 1024

    /// The normalised text, original case, as UTF-8 bytes.
    public let bytes: [UInt8]
    /// ``bytes`` with ASCII letters lower-cased (same length and offsets).
    public let lower: [UInt8]
    /// The gRPC code of the first `rpc error:` prefix, if there was one.
    public let grpcCode: GRPCCode?
    /// Whether the input was longer than ``maximumLength`` and was cut.
    public let truncated: Bool
    /// Whether the message is the kubelet's list of errors from several credentials
    /// (`[rpc error: ..., rpc error: ...]`): it tries each matching pull secret in turn, so a
    /// list means credentials were sent.
    public let listsSeveralAttempts: Bool
    /// What the message says besides its category: image, hosts, status, addresses.
    public private(set) var facts: MessageFacts

    private let bigrams: BigramSet

    /// Normalises `text`.
    public init(_ text: String) {
        var text = text
        let result = text.withUTF8 { NormalizedMessage.prepare($0) }
        self.init(prepared: result)
    }

    /// Normalises raw bytes (any bytes; invalid UTF-8 is tolerated).
    public init(utf8 buffer: UnsafeBufferPointer<UInt8>) {
        self.init(prepared: NormalizedMessage.prepare(buffer))
    }

    private init(prepared: Prepared) {
        bytes = prepared.bytes
        lower = prepared.lower
        grpcCode = prepared.grpcCode
        truncated = prepared.truncated
        listsSeveralAttempts = prepared.listsSeveralAttempts
        bigrams = BigramSet(prepared.lower)
        facts = MessageFacts()
        facts = FactExtractor(message: self).extract()
    }

    /// The normalised text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The length in bytes.
    public var count: Int { bytes.count }

    /// Whether the message is empty after normalisation.
    public var isEmpty: Bool { bytes.isEmpty }

    // MARK: Matching (case-insensitive for ASCII)

    /// Whether `phrase` occurs anywhere.
    @inline(__always)
    public func contains(_ phrase: Phrase) -> Bool {
        firstIndex(of: phrase) != nil
    }

    /// Whether any of `phrases` occurs.
    public func containsAny(_ phrases: [Phrase]) -> Bool {
        for phrase in phrases where contains(phrase) { return true }
        return false
    }

    /// Whether the message starts with `phrase`.
    public func hasPrefix(_ phrase: Phrase) -> Bool {
        guard phrase.count <= lower.count else { return false }
        return lower.withUnsafeBufferPointer { text in
            phrase.bytes.withUnsafeBufferPointer { needle in
                NormalizedMessage.matches(text, at: 0, needle)
            }
        }
    }

    /// Whether the message ends with `phrase`.
    public func hasSuffix(_ phrase: Phrase) -> Bool {
        guard phrase.count <= lower.count else { return false }
        return lower.withUnsafeBufferPointer { text in
            phrase.bytes.withUnsafeBufferPointer { needle in
                NormalizedMessage.matches(text, at: text.count - needle.count, needle)
            }
        }
    }

    /// The offset of the first occurrence of `phrase` at or after `start`.
    public func firstIndex(of phrase: Phrase, from start: Int = 0) -> Int? {
        let needleCount = phrase.count
        guard needleCount > 0 else { return start <= lower.count ? start : nil }
        guard start >= 0, lower.count - start >= needleCount else { return nil }
        // A pair of bytes missing from the whole text rules the phrase out from any start.
        if !bigrams.mayContain(phrase.slots) { return nil }
        return lower.withUnsafeBufferPointer { text in
            phrase.bytes.withUnsafeBufferPointer { needle in
                NormalizedMessage.search(text, needle, from: start)
            }
        }
    }

    /// The offset of the last occurrence of `phrase`.
    public func lastIndex(of phrase: Phrase) -> Int? {
        guard var found = firstIndex(of: phrase) else { return nil }
        while let next = firstIndex(of: phrase, from: found + 1) { found = next }
        return found
    }

    /// Whether `phrase` occurs entirely inside `range`.
    public func occurs(_ phrase: Phrase, in range: Range<Int>) -> Bool {
        let lowerBound = max(0, range.lowerBound)
        let upperBound = min(lower.count, range.upperBound)
        guard phrase.count > 0 else { return lowerBound <= upperBound }
        guard upperBound - lowerBound >= phrase.count, bigrams.mayContain(phrase.slots) else { return false }
        return lower.withUnsafeBufferPointer { text in
            phrase.bytes.withUnsafeBufferPointer { needle in
                NormalizedMessage.search(UnsafeBufferPointer(rebasing: text[0..<upperBound]), needle, from: lowerBound) != nil
            }
        }
    }

    /// Whether `phrase` occurs at `offset` and ends inside `range`.
    public func matches(_ phrase: Phrase, at offset: Int, within range: Range<Int>) -> Bool {
        guard offset >= range.lowerBound, offset + phrase.count <= range.upperBound else { return false }
        return lower.withUnsafeBufferPointer { text in
            phrase.bytes.withUnsafeBufferPointer { needle in NormalizedMessage.matches(text, at: offset, needle) }
        }
    }

    /// The original-case text of `range` (clamped), with invalid UTF-8 repaired.
    public func string(_ range: Range<Int>) -> String {
        let lower = max(0, min(range.lowerBound, bytes.count))
        let upper = max(lower, min(range.upperBound, bytes.count))
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }

    /// The byte at `offset` (lower-cased), or nil outside the text.
    @inline(__always)
    func lowerByte(at offset: Int) -> UInt8? {
        offset >= 0 && offset < lower.count ? lower[offset] : nil
    }

    // MARK: Search primitives

    @inline(__always)
    static func matches(_ text: UnsafeBufferPointer<UInt8>, at offset: Int, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard offset >= 0, offset + needle.count <= text.count else { return false }
        var index = 0
        while index < needle.count {
            if text[offset + index] != needle[index] { return false }
            index += 1
        }
        return true
    }

    /// The first occurrence of `needle` in `text` at or after `start`.
    ///
    /// Candidates for the first byte are found eight bytes at a time (a SWAR zero-byte test on
    /// `word ^ repeated(first)`), then checked in full: several times faster than a byte loop, with
    /// no dependency beyond the standard library.
    static func search(_ text: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let count = needle.count
        let last = text.count - count
        guard count > 0, start >= 0, start <= last, let base = text.baseAddress else { return nil }
        let first = needle[0]
        let pattern = UInt64(first) &* 0x0101_0101_0101_0101
        let raw = UnsafeRawPointer(base)
        var offset = start
        while offset <= last {
            if offset + 8 <= text.count {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) ^ pattern
                let zeros = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
                if zeros == 0 {
                    offset += 8
                    continue
                }
                // The lowest flagged byte is always a true match of the first byte.
                offset += zeros.trailingZeroBitCount >> 3
                if offset > last { return nil }
            } else if text[offset] != first {
                offset += 1
                continue
            }
            var index = 1
            while index < count, text[offset + index] == needle[index] { index += 1 }
            if index == count { return offset }
            offset += 1
        }
        return nil
    }
}
