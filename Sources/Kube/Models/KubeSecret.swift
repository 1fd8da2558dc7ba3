import CurlClient
import Foundation

/// A core/v1 Secret (named so to stay apart from `Redaction.Secret`).
///
/// Values in `data` are kept as `Secret`s holding the base64 text exactly as the API sends it, so neither
/// `print`, string interpolation, `dump` nor a logger can show them; the object's own descriptions list
/// the keys only.
public struct KubeSecret: KubeResource, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// `secrets` in the core group.
    public static let resource = ResourceDescriptor(group: "", version: "v1", plural: "secrets", kind: "Secret")

    /// Pull secrets have type `kubernetes.io/dockerconfigjson` (key `.dockerconfigjson`) or the legacy
    /// `kubernetes.io/dockercfg` (key `.dockercfg`).
    public static let dockerConfigJSONType = "kubernetes.io/dockerconfigjson"
    /// The legacy pull secret type.
    public static let dockerCfgType = "kubernetes.io/dockercfg"

    /// Metadata.
    public var metadata: ObjectMeta
    /// `Opaque`, `kubernetes.io/dockerconfigjson`, `kubernetes.io/tls`, ...
    public var type: String?
    /// Values by key, base64-encoded as the API sends them, redacted in every description.
    public var data: [String: Secret]?
    /// Whether the secret is immutable.
    public var immutable: Bool?

    /// A secret.
    public init(metadata: ObjectMeta, type: String? = nil, data: [String: Secret]? = nil) {
        self.metadata = metadata
        self.type = type
        self.data = data
    }

    /// The keys of `data`, sorted.
    public var dataKeys: [String] { (data ?? [:]).keys.sorted() }

    /// The decoded bytes of one key; `nil` when the key is absent or its value is not valid base64.
    public func decodedValue(forKey key: String) -> Data? {
        guard let encoded = data?[key]?.value else { return nil }
        return Data(base64Encoded: encoded)
    }

    /// The type a missing `type` field means to the API server.
    public var effectiveType: String { type ?? "Opaque" }

    public var description: String {
        let name = [metadata.namespace, metadata.name].compactMap { $0 }.joined(separator: "/")
        return "KubeSecret(\(name), type: \(effectiveType), keys: [\(dataKeys.joined(separator: ", "))])"
    }

    public var debugDescription: String { description }

    /// `dump` shows metadata, type and keys, never values.
    public var customMirror: Mirror {
        Mirror(self, children: ["metadata": metadata, "type": effectiveType, "dataKeys": dataKeys])
    }
}
