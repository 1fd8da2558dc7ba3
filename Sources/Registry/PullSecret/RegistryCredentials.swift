import Foundation

/// The credentials of one pull-secret entry.
///
/// Printing shows the kind and a masked username (`al***`) only; the password and tokens are
/// ``RedactedString`` values.
public struct RegistryCredentials: Hashable, Sendable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// Which credential the entry carries, most specific first (a registry prefers tokens).
    public enum Kind: String, Sendable, CaseIterable, Hashable {
        /// Username and password (from `auth` or from `username`/`password`).
        case basic
        /// An OAuth refresh token (`identitytoken`), as `docker login` stores for some registries.
        case identityToken = "identity_token"
        /// A bearer token sent as is (`registrytoken`).
        case registryToken = "registry_token"
        /// Nothing usable: the kubelet would pull anonymously with this entry.
        case none
    }

    /// Where the username and password came from.
    public enum Source: String, Sendable, Hashable {
        /// The `auth` field (base64 of `username:password`), which wins over the separate fields,
        /// as in the kubelet (pkg/credentialprovider/config.go, `DockerConfigEntry.UnmarshalJSON`).
        case authField = "auth"
        /// The separate `username` and `password` fields.
        case usernamePassword = "username_password"
        /// Neither was present.
        case none
    }

    /// The username, if any. Printing masks it; read it here only to authenticate.
    public let username: String?
    /// The password, if any.
    public let password: RedactedString?
    /// The `identitytoken`, if any.
    public let identityToken: RedactedString?
    /// The `registrytoken`, if any.
    public let registryToken: RedactedString?
    /// Where the username and password came from.
    public let source: Source

    /// Builds credentials; empty strings count as absent.
    public init(
        username: String?, password: String?, identityToken: String? = nil, registryToken: String? = nil,
        source: Source
    ) {
        self.username = username.flatMap { $0.isEmpty ? nil : $0 }
        self.password = password.flatMap { $0.isEmpty ? nil : RedactedString($0) }
        self.identityToken = identityToken.flatMap { $0.isEmpty ? nil : RedactedString($0) }
        self.registryToken = registryToken.flatMap { $0.isEmpty ? nil : RedactedString($0) }
        self.source = source
    }

    /// The most specific credential present.
    public var kind: Kind {
        if identityToken != nil { return .identityToken }
        if registryToken != nil { return .registryToken }
        if username != nil || password != nil { return .basic }
        return .none
    }

    /// The username with all but its first characters hidden (`alice` → `al***`).
    public var maskedUsername: String? { username.map(Self.mask) }

    /// `basic(user al***)`, `identity_token`, `none`: never a secret.
    public var description: String {
        switch kind {
        case .basic:
            let user = maskedUsername ?? "(no username)"
            return password == nil ? "basic(user \(user), no password)" : "basic(user \(user))"
        case .identityToken, .registryToken, .none:
            return kind.rawValue
        }
    }

    /// Same as ``description``.
    public var debugDescription: String { description }

    /// Shows the kind and the masked username only.
    public var customMirror: Mirror {
        Mirror(self, children: ["kind": kind.rawValue, "username": maskedUsername as Any], displayStyle: .struct)
    }

    /// Keeps at most the first two characters and at most half of the name.
    static func mask(_ name: String) -> String {
        String(name.prefix(min(2, name.count / 2))) + "***"
    }
}
