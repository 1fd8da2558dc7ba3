/// How sure a verdict is.
///
/// `high`: the text names the cause and nothing else produces it. `medium`: the cause is the
/// usual one for this text, but other causes are known to produce it too. `low`: a guess, or no
/// cause in the text at all; the caller should look at more evidence (events, secrets, a probe).
public enum Confidence: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// The text names the cause unambiguously.
    case high
    /// The usual cause for this text; others are possible.
    case medium
    /// A guess, or no cause in the text.
    case low

    /// Orders `low < medium < high`.
    public static func < (lhs: Confidence, rhs: Confidence) -> Bool {
        lhs.rank < rhs.rank
    }

    private var rank: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .high: 2
        }
    }
}
