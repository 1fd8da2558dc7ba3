/// One Kubernetes object as loaded: the full JSON tree plus typed access to the metadata kubesim reads.
public struct KubeObject: Sendable, Equatable {
    /// The whole object, unknown fields included.
    public var json: JSONValue

    /// Wraps an object tree.
    public init(_ json: JSONValue) {
        self.json = json
    }

    /// `kind`, e.g. `Pod`.
    public var kind: String { json["kind"]?.stringValue ?? "" }

    /// `apiVersion`, e.g. `v1` or `apps/v1`.
    public var apiVersion: String { json["apiVersion"]?.stringValue ?? "" }

    /// `metadata.name`.
    public var name: String { metadataString("name") }

    /// `metadata.namespace`; empty for cluster-scoped objects.
    public var namespace: String { metadataString("namespace") }

    /// `metadata.uid`.
    public var uid: String { metadataString("uid") }

    /// `metadata.resourceVersion`.
    public var resourceVersion: String { metadataString("resourceVersion") }

    /// `metadata.creationTimestamp` as written (RFC 3339).
    public var creationTimestamp: String { metadataString("creationTimestamp") }

    /// `metadata.labels`, non-string values skipped.
    public var labels: [String: String] {
        guard let members = json["metadata"]?["labels"]?.objectValue?.members else { return [:] }
        var labels: [String: String] = [:]
        for member in members {
            if let value = member.value.stringValue { labels[member.key] = value }
        }
        return labels
    }

    /// The owner reference with `controller: true`, if any (what `metav1.GetControllerOf` returns).
    public var controllerReference: JSONValue? {
        json["metadata"]?["ownerReferences"]?.arrayValue.first { $0["controller"]?.boolValue == true }
    }

    /// The sort key the API server's storage uses: namespace, then name.
    var storageKey: String { namespace.isEmpty ? name : namespace + "/" + name }

    /// Sets `metadata.<key>`, creating `metadata` when missing.
    mutating func setMetadata(_ key: String, _ value: JSONValue) {
        var metadata = json["metadata"]?.objectValue ?? JSONObject()
        metadata[key] = value
        json["metadata"] = .object(metadata)
    }

    private func metadataString(_ key: String) -> String {
        json["metadata"]?[key]?.stringValue ?? ""
    }
}
