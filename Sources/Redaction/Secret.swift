/// A value that must never reach logs, metrics, notifications or pages.
/// Its descriptions print a placeholder; read `.value` only where it is sent.
public struct Secret: Decodable, Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable, ExpressibleByStringLiteral {
    /// The secret itself.
    public let value: String
    public init(_ value: String) { self.value = value }
    public init(stringLiteral value: String) { self.value = value }
    public init(from decoder: any Decoder) throws { value = try decoder.singleValueContainer().decode(String.self) }
    public var description: String { "<redacted>" }
    public var debugDescription: String { "<redacted>" }
    /// `dump` and reflection see the placeholder too.
    public var customMirror: Mirror { Mirror(self, children: ["value": "<redacted>"]) }

    /// Compares with another secret in time independent of where they differ (for auth checks).
    public func constantTimeEquals(_ other: Secret) -> Bool {
        let a = Array(value.utf8), b = Array(other.value.utf8)
        var diff = UInt(bitPattern: a.count ^ b.count)
        for i in 0..<max(a.count, b.count) {
            diff |= UInt((i < a.count ? a[i] : 0) ^ (i < b.count ? b[i] : 0))
        }
        return diff == 0
    }
}
