import Foundation

/// One registry entry of a pull secret: the key it is filed under and its credentials.
public struct PullSecretEntry: Hashable, Sendable, CustomStringConvertible {
    /// The Secret the entry came from.
    public let secretName: String
    /// The registry key.
    public let key: PullSecretKey
    /// The credentials (printing never shows the secret parts).
    public let credentials: RegistryCredentials

    /// Builds an entry.
    public init(secretName: String, key: PullSecretKey, credentials: RegistryCredentials) {
        self.secretName = secretName
        self.key = key
        self.credentials = credentials
    }

    /// `regcred["myreg.io"]: basic(user al***)`.
    public var description: String { "\(secretName)[\"\(key.raw)\"]: \(credentials)" }
}
