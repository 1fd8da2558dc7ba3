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
