/// A fixed piece of text that rules look for, prepared once: ASCII-lowercased bytes plus the
/// bigram slots ``NormalizedMessage`` uses to reject it without scanning.
///
/// Rules hold their phrases as stored properties so that nothing is rebuilt per message.
public struct Phrase: Sendable, Hashable, CustomStringConvertible {
    /// The phrase, ASCII-lowercased, as UTF-8.
    public let bytes: [UInt8]
    /// The distinct bigram slots of ``bytes`` (see ``BigramSet``).
    let slots: [Int]

    /// Prepares `text` (matched case-insensitively for ASCII letters).
    public init(_ text: String) {
        let lowered = text.utf8.map(Phrase.lowercase)
        bytes = lowered
        var seen = Set<Int>()
        var slots: [Int] = []
        if lowered.count >= 2 {
            for index in 1..<lowered.count {
                let slot = BigramSet.slot(lowered[index - 1], lowered[index])
                if seen.insert(slot).inserted { slots.append(slot) }
            }
        }
        self.slots = slots
    }

    /// The phrase as text.
    public var description: String { String(decoding: bytes, as: UTF8.self) }

    /// The number of bytes.
    public var count: Int { bytes.count }

    /// ASCII lower-casing; every other byte (UTF-8 included) is kept as is, so offsets never move.
    @inline(__always)
    static func lowercase(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}

/// A 4096-bit set of the byte pairs present in a text.
///
/// Most rules ask for phrases that are not in the message; if one of a phrase's byte pairs is
/// missing the phrase cannot occur, and that check costs a few bit tests instead of a scan.
struct BigramSet: Sendable {
    static let wordCount = 64
    private var words: [UInt64]

    init(_ text: [UInt8]) {
        var words = [UInt64](repeating: 0, count: Self.wordCount)
        if text.count >= 2 {
            text.withUnsafeBufferPointer { buffer in
                var previous = buffer[0]
                for index in 1..<buffer.count {
                    let current = buffer[index]
                    let slot = Self.slot(previous, current)
                    words[slot >> 6] |= 1 << UInt64(slot & 63)
                    previous = current
                }
            }
        }
        self.words = words
    }

    /// A 12-bit hash of a byte pair.
    @inline(__always)
    static func slot(_ first: UInt8, _ second: UInt8) -> Int {
        let mixed = (UInt32(first) &* 0x0100_0193 ^ UInt32(second)) &* 0x9E37_79B1
        return Int(mixed >> 20)
    }

    /// Whether every slot is present (the phrase may occur) or not (it cannot).
    @inline(__always)
    func mayContain(_ slots: [Int]) -> Bool {
        for slot in slots where words[slot >> 6] & (1 << UInt64(slot & 63)) == 0 {
            return false
        }
        return true
    }
}
