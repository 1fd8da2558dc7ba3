import Foundation

/// The registry credentials held by one Kubernetes Secret of type `kubernetes.io/dockerconfigjson`
/// or `kubernetes.io/dockercfg`, parsed the way the kubelet reads them.
///
/// Everything that would make the kubelet reject the Secret throws a ``PullSecretError``;
/// entries that parse but carry no credential are kept and listed in ``problems``.
public struct PullSecret: Hashable, Sendable, CustomStringConvertible {
    /// The Secret's name.
    public let name: String
    /// The Secret's type.
    public let type: PullSecretType
    /// The registry entries, ordered by key.
    public let entries: [PullSecretEntry]
    /// Non-fatal problems (today only ``PullSecretError/Reason/emptyEntry``).
    public let problems: [PullSecretError]

    /// Parses a Secret as the API serves it: `data` values are base64.
    /// - Parameters:
    ///   - name: the Secret's name, used in messages.
    ///   - type: the Secret's `type` field.
    ///   - data: the Secret's `data` map (base64 values).
    public init(name: String, type: String, data: [String: String]) throws(PullSecretError) {
        let secretType = try Self.dockerType(type, name: name)
        let key = secretType.dataKey
        guard let encoded = data[key], !encoded.isEmpty else { throw Self.missingKey(key, name: name, type: type, present: Array(data.keys)) }
        // Go's base64 decoder skips line breaks; a value copied from `base64` without -w0 has them.
        let compact = encoded.filter { $0 != "\n" && $0 != "\r" }
        guard let bytes = Data(base64Encoded: compact) else {
            throw PullSecretError(.invalidBase64, secret: name,
                                  message: "data[\(key)] is not valid base64; the API serves data values base64-encoded "
                                    + "(put plain text under stringData instead)")
        }
        try self.init(name: name, type: secretType, config: bytes)
    }

    /// Parses a Secret whose `data` values are already decoded (e.g. from `stringData` or a client
    /// that decodes for you).
    public init(name: String, type: String, decodedData: [String: Data]) throws(PullSecretError) {
        let secretType = try Self.dockerType(type, name: name)
        let key = secretType.dataKey
        guard let bytes = decodedData[key], !bytes.isEmpty else {
            throw Self.missingKey(key, name: name, type: type, present: Array(decodedData.keys))
        }
        try self.init(name: name, type: secretType, config: bytes)
    }

    /// Parses the configuration document itself (the decoded value of `.dockerconfigjson` or `.dockercfg`).
    public init(name: String, type: PullSecretType, config: Data) throws(PullSecretError) {
        let parsed = try PullSecretParser(secretName: name, type: type).parse(config)
        self.name = name
        self.type = type
        self.entries = parsed.entries
        self.problems = parsed.problems
    }

    /// The registry keys, as written, in order.
    public var keys: [String] { entries.map(\.key.raw) }

    /// `pull secret regcred (kubernetes.io/dockerconfigjson): myreg.io, ghcr.io`: keys only.
    public var description: String {
        "pull secret \(name) (\(type.rawValue)): " + (keys.isEmpty ? "no entries" : keys.joined(separator: ", "))
    }

    private static func dockerType(_ type: String, name: String) throws(PullSecretError) -> PullSecretType {
        guard let secretType = PullSecretType(rawValue: type) else {
            let shown = type.isEmpty ? "no type (Opaque)" : "type \(type)"
            throw PullSecretError(.wrongSecretType, secret: name,
                                  message: "the secret has \(shown); the kubelet only reads imagePullSecrets of type "
                                    + "kubernetes.io/dockerconfigjson or kubernetes.io/dockercfg; recreate it with "
                                    + "kubectl create secret docker-registry")
        }
        return secretType
    }

    private static func missingKey(
        _ key: String, name: String, type: String, present: [String]
    ) -> PullSecretError {
        let others = present.sorted()
        let found = others.isEmpty ? "the secret has no data" : "the secret has \(others.joined(separator: ", "))"
        return PullSecretError(.missingKey, secret: name,
                               message: "a \(type) secret needs data[\(key)], which is missing or empty; \(found)")
    }
}
