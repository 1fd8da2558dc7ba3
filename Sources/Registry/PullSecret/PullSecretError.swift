import Foundation

/// Why a Secret yields no usable registry credentials, or what is wrong with one of its entries.
///
/// `reason` is bounded (safe for metric labels); `message` is for people. Neither ever contains a
/// credential: messages name secrets, registry keys and JSON field paths, never values.
public struct PullSecretError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The bounded cause.
    public enum Reason: String, Sendable, CaseIterable, Hashable {
        /// The Secret's type is not one of the two docker types, so the kubelet ignores it.
        case wrongSecretType = "wrong_secret_type"
        /// The data key of the type (`.dockerconfigjson` or `.dockercfg`) is missing or empty.
        case missingKey = "missing_key"
        /// The data value is not valid base64 (as the API serves `data`).
        case invalidBase64 = "invalid_base64"
        /// The decoded configuration is not JSON.
        case notJSON = "not_json"
        /// A `.dockerconfigjson` without an `auths` object.
        case noAuths = "no_auths"
        /// A `.dockercfg` holding a `.dockerconfigjson` document (`{"auths": {...}}`).
        case wrongFormatForType = "wrong_format_for_type"
        /// A JSON value has the wrong type (an entry that is not an object, a number as password...).
        case wrongType = "wrong_type"
        /// An entry's `auth` field is not valid base64.
        case invalidAuthBase64 = "invalid_auth_base64"
        /// An entry's `auth` field decodes to text without the `:` between username and password.
        case authWithoutColon = "auth_without_colon"
        /// An entry carries no credential at all (the kubelet would pull anonymously with it).
        case emptyEntry = "empty_entry"
    }

    /// The bounded cause.
    public let reason: Reason
    /// The Secret's name.
    public let secretName: String
    /// The registry key of the entry concerned, when the problem is inside one entry.
    public let entryKey: String?
    /// What is wrong and how to fix it.
    public let message: String

    init(_ reason: Reason, secret: String, entry: String? = nil, message: String) {
        self.reason = reason
        self.secretName = secret
        self.entryKey = entry
        self.message = message
    }

    /// Whether the kubelet still reads the rest of the Secret despite this problem.
    public var isFatal: Bool { reason != .emptyEntry }

    /// `secret regcred (reason): message`.
    public var description: String {
        let entry = entryKey.map { " entry \"\($0)\"" } ?? ""
        return "pull secret \(secretName)\(entry) (\(reason.rawValue)): \(message)"
    }
}
