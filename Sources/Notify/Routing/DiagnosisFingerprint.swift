import Diagnosis

/// What makes two diagnoses "the same" for re-notification: category, reason and summary. Evidence
/// gathered in a different order, a new diagnosis id or time, or more affected pods of the same cause do
/// not change it; a new cause or a different summary does.
public struct DiagnosisFingerprint: Sendable, Hashable, CustomStringConvertible {
    /// 16 hex digits (FNV-1a, 64 bits), stable across processes and versions: it is stored with deliveries.
    public let value: String

    public init(value: String) { self.value = value }

    /// The fingerprint of a report; a fixed one for "no diagnosis yet".
    public init(_ report: DiagnosisReport?) {
        guard let report else {
            self.init(category: "", reason: "", summary: "")
            return
        }
        self.init(category: report.category.rawValue, reason: report.reason.rawValue, summary: report.summary)
    }

    public init(category: String, reason: String, summary: String) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in [category, reason, summary] {
            for byte in part.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            // A separator byte that UTF-8 never produces, so ("ab","c") and ("a","bc") differ.
            hash = (hash ^ 0xff) &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        value = String(repeating: "0", count: 16 - hex.count) + hex
    }

    public var description: String { value }
}
