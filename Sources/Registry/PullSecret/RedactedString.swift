import Foundation

/// A credential (password, identity token, registry token) that never prints.
///
/// `description`, `debugDescription`, string interpolation, `String(reflecting:)`, `dump` and
/// `Mirror` all show `<redacted>`; the value is reachable only through ``reveal()``, so every
/// place that sends it somewhere is easy to find. Deliberately not `Codable`: a credential
/// must not leak into a stored diagnosis by accident.
public struct RedactedString: Hashable, Sendable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    private let value: String

    /// Wraps a credential.
    public init(_ value: String) {
        self.value = value
    }

    /// The credential itself, for the one place that authenticates with it.
    public func reveal() -> String { value }

    /// Whether the credential is the empty string (an entry that will authenticate as nobody).
    public var isEmpty: Bool { value.isEmpty }

    /// Always `<redacted>`.
    public var description: String { "<redacted>" }

    /// Always `<redacted>`.
    public var debugDescription: String { "<redacted>" }

    /// No children, so `dump` and debuggers show nothing but the type.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
