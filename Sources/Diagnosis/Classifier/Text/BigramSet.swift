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
