import Foundation

/// The outcome of looking up an image's credentials in a pod's pull secrets.
public enum PullSecretMatch: Hashable, Sendable, CustomStringConvertible {
    /// Entries that apply, in the order the kubelet tries them (it retries the pull with each in
    /// turn); never empty. Entries the kubelet would not use come last, flagged.
    case matched([PullSecretCandidate])
    /// No entry applies, and why.
    case unmatched(PullSecretMismatch)

    /// The entry the kubelet tries first, if any applies and the kubelet uses it.
    public var used: PullSecretCandidate? {
        guard case .matched(let candidates) = self else { return nil }
        return candidates.first(where: \.kubeletUsesIt)
    }

    /// The reason no entry applies, if none does.
    public var mismatch: PullSecretMismatch? {
        guard case .unmatched(let mismatch) = self else { return nil }
        return mismatch
    }

    /// The candidates, or nothing.
    public var candidates: [PullSecretCandidate] {
        guard case .matched(let candidates) = self else { return [] }
        return candidates
    }

    /// One line: the candidates or the mismatch; never a credential.
    public var description: String {
        switch self {
        case .matched(let candidates): return "matched " + candidates.map(\.description).joined(separator: "; ")
        case .unmatched(let mismatch): return mismatch.description
        }
    }
}
