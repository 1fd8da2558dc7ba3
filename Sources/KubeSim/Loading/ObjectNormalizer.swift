import Foundation

/// Makes loaded objects look like what the API server would have stored: the defaults and server-set fields a
/// hand-written fixture may leave out, and the write-time conversions the server applies.
struct ObjectNormalizer {
    /// The time given to objects without `creationTimestamp`.
    var now: Date

    /// One object, with its resource type already known.
    func normalize(_ input: KubeObject, as type: ResourceType, file: String) throws(FixtureError) -> KubeObject {
        var object = input
        guard !object.name.isEmpty else {
            throw FixtureError(.invalidObject, file: file, "a \(type.kind) has no metadata.name")
        }
        if object.json["apiVersion"] == nil { object.json["apiVersion"] = .string(type.groupVersion) }
        if type.namespaced && object.namespace.isEmpty {
            object.setMetadata("namespace", "default")
        } else if !type.namespaced && !object.namespace.isEmpty {
            // The API server ignores a namespace on cluster-scoped objects; so do we, rather than serve it.
            object.setMetadata("namespace", nil)
        }
        if object.uid.isEmpty {
            object.setMetadata("uid", .string(Self.stableUID(for: "\(type.qualifiedName)/\(object.storageKey)")))
        }
        if object.creationTimestamp.isEmpty {
            object.setMetadata("creationTimestamp", .string(KubeTime.format(now)))
        }
        if type == .secrets { object = Self.mergeStringData(object) }
        return object
    }

    /// The API server folds `stringData` into `data` (base64) on write, `stringData` winning on conflicts,
    /// and never returns `stringData`.
    static func mergeStringData(_ secret: KubeObject) -> KubeObject {
        guard let stringData = secret.json["stringData"]?.objectValue else { return secret }
        var object = secret
        var data = object.json["data"]?.objectValue ?? JSONObject()
        for member in stringData.members {
            data[member.key] = .string(Data(member.value.selectorText.utf8).base64EncodedString())
        }
        object.json["data"] = .object(data)
        object.json["stringData"] = nil
        return object
    }

    /// Gives every object without a `resourceVersion` the next one after the highest already present, in load
    /// order, and returns the highest, which becomes the lists' `metadata.resourceVersion`.
    static func assignResourceVersions(_ objects: inout [KubeObject]) -> Int {
        var highest = objects.compactMap { Int($0.resourceVersion) }.max() ?? 1000
        for index in objects.indices where objects[index].resourceVersion.isEmpty {
            highest += 1
            objects[index].setMetadata("resourceVersion", .string(String(highest)))
        }
        return highest
    }

    /// Fills `involvedObject.uid` (and the namespace) of events whose fixture left them out, from the object
    /// they name. Real events always carry the uid, and `kubectl describe` selects events by it, so without
    /// this a fixture's events would vanish from describe output.
    static func linkEvents(_ objects: inout [KubeObject]) {
        var uids: [String: String] = [:]
        for object in objects { uids["\(object.kind)/\(object.namespace)/\(object.name)"] = object.uid }
        for index in objects.indices where objects[index].kind == "Event" {
            guard var involved = objects[index].json["involvedObject"]?.objectValue else { continue }
            let kind = involved["kind"]?.stringValue ?? ""
            let name = involved["name"]?.stringValue ?? ""
            var namespace = involved["namespace"]?.stringValue ?? ""
            let scoped = ResourceCatalog.resource(kind: kind)?.namespaced ?? true
            if namespace.isEmpty && scoped {
                namespace = objects[index].namespace
                involved["namespace"] = .string(namespace)
            }
            if (involved["uid"]?.stringValue ?? "").isEmpty,
                let uid = uids["\(kind)/\(scoped ? namespace : "")/\(name)"]
            {
                involved["uid"] = .string(uid)
            }
            objects[index].json["involvedObject"] = .object(involved)
        }
    }

    /// A UUID-shaped id derived from the object's identity, so the same fixture always gets the same uids and
    /// golden files stay stable.
    static func stableUID(for identity: String) -> String {
        func fnv1a(_ seed: UInt64) -> UInt64 {
            var hash = seed
            for byte in identity.utf8 {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01B3
            }
            return hash
        }
        let high = fnv1a(0xCBF2_9CE4_8422_2325)
        let low = fnv1a(0x84222325_CBF29CE4)
        let hex = String(format: "%016llx%016llx", high, low)
        let characters = Array(hex)
        func slice(_ from: Int, _ to: Int) -> String { String(characters[from..<to]) }
        return "\(slice(0, 8))-\(slice(8, 12))-\(slice(12, 16))-\(slice(16, 20))-\(slice(20, 32))"
    }
}
