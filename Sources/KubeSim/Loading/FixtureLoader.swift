import Foundation

/// Reads a fixture directory into a cluster: every `*.yaml`/`*.yml` file except `scenario.yaml` (the scenario's
/// own description) and `kubesim.yaml` (kubesim's settings), in file-name order.
///
/// Files hold standard Kubernetes YAML as `kubectl get -o yaml` prints it: one or more documents separated by
/// `---`, and `kind: List` (or `PodList`, ...) documents whose `items` are the objects. `${NAME}` placeholders
/// are replaced first (see `PlaceholderExpander`). Objects of kinds kubesim does not serve are skipped with a
/// warning; a duplicate object (same resource, namespace and name) is an error.
public struct FixtureLoader: Sendable {
    /// File names that are never read as objects.
    public static let reservedFiles: Set<String> = ["scenario.yaml", "scenario.yml", "kubesim.yaml", "kubesim.yml"]

    /// Placeholder values (`--set NAME=VALUE`).
    public var values: [String: String]
    /// The load time: `${NOW}` and missing `creationTimestamp`s.
    public var now: Date

    /// A loader with these placeholder values.
    public init(values: [String: String] = [:], now: Date = Date()) {
        self.values = values
        self.now = now
    }

    /// Loads every fixture file in `directory` and its `kubesim.yaml`, if any.
    public func load(directory: String) throws(FixtureError) -> FixtureCluster {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        } catch {
            throw FixtureError(.unreadableDirectory, file: "", "cannot list \(directory): \(error.localizedDescription)")
        }
        var files: [(name: String, text: String)] = []
        var configText: String?
        for name in names where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            let path = (directory as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
            else { throw FixtureError(.unreadableFile, file: name, "cannot read \(path) as UTF-8 text") }
            if name == "kubesim.yaml" || name == "kubesim.yml" {
                configText = text
            } else if !Self.reservedFiles.contains(name) {
                files.append((name, text))
            }
        }
        return try load(files: files, config: configText)
    }

    /// Loads fixture texts given in memory, as if they were files of a directory.
    public func load(files: [(name: String, text: String)], config: String? = nil) throws(FixtureError) -> FixtureCluster {
        let normalizer = ObjectNormalizer(now: now)
        var objects: [KubeObject] = []
        var types: [ResourceType] = []
        var seen: [String: String] = [:]
        var warnings: [String] = []
        for file in files {
            for document in try documents(of: file.text, file: file.name) {
                for item in Self.expandLists(document) {
                    let raw = KubeObject(item)
                    guard !raw.kind.isEmpty else {
                        throw FixtureError(.invalidObject, file: file.name, "a document has no kind")
                    }
                    let type = raw.apiVersion.isEmpty
                        ? ResourceCatalog.resource(kind: raw.kind)
                        : ResourceCatalog.resource(apiVersion: raw.apiVersion, kind: raw.kind)
                    guard let type else {
                        warnings.append("\(file.name): skipped \(raw.apiVersion) \(raw.kind) \(raw.name): kubesim does not serve it")
                        continue
                    }
                    let object = try normalizer.normalize(raw, as: type, file: file.name)
                    let identity = "\(type.qualifiedName) \(object.storageKey)"
                    if let earlier = seen[identity] {
                        throw FixtureError(.duplicateObject, file: file.name, "\(identity) is already defined in \(earlier)")
                    }
                    seen[identity] = file.name
                    objects.append(object)
                    types.append(type)
                }
            }
        }
        ObjectNormalizer.linkEvents(&objects)
        let resourceVersion = ObjectNormalizer.assignResourceVersions(&objects)
        var simulatorConfig = SimulatorConfig()
        if let config {
            let name = "kubesim.yaml"
            let expanded = try expand(config, file: name)
            do {
                simulatorConfig = try SimulatorConfig(yaml: try JSONValue.document(fromYAML: expanded), file: name)
            } catch let error as FixtureError {
                throw error
            } catch {
                throw FixtureError(.invalidYAML, file: name, "\(error)")
            }
        }
        let store = ObjectStore(objects: zip(types, objects).map { ($0, $1) }, resourceVersion: resourceVersion)
        return FixtureCluster(store: store, config: simulatorConfig, warnings: warnings)
    }

    private func documents(of text: String, file: String) throws(FixtureError) -> [JSONValue] {
        let expanded = try expand(text, file: file)
        do {
            return try JSONValue.documents(fromYAML: expanded)
        } catch {
            throw FixtureError(.invalidYAML, file: file, "\(error)")
        }
    }

    private func expand(_ text: String, file: String) throws(FixtureError) -> String {
        do {
            return try PlaceholderExpander(values: values, now: now).expand(text)
        } catch {
            let names = error.names.map { "${\($0)}" }.joined(separator: ", ")
            let sets = error.names.map { "--set \($0)=..." }.joined(separator: " ")
            throw FixtureError(.unresolvedPlaceholder, file: file, "no value for \(names): pass \(sets)")
        }
    }

    /// The objects of a document: its `items` for `kind: List` / `kind: PodList` documents, filling each item's
    /// missing `kind` and `apiVersion` from the list; the document itself otherwise.
    static func expandLists(_ document: JSONValue) -> [JSONValue] {
        guard let kind = document["kind"]?.stringValue, kind.hasSuffix("List"), let items = document["items"] else {
            return [document]
        }
        let itemKind = kind == "List" ? nil : String(kind.dropLast(4))
        let apiVersion = document["apiVersion"]?.stringValue
        return items.arrayValue.map { item in
            var item = item
            if item["kind"] == nil, let itemKind { item["kind"] = .string(itemKind) }
            if item["apiVersion"] == nil, itemKind != nil, let apiVersion { item["apiVersion"] = .string(apiVersion) }
            return item
        }
    }
}

/// What a fixture directory holds: the objects and kubesim's settings.
public struct FixtureCluster: Sendable {
    /// The objects, by resource.
    public let store: ObjectStore
    /// kubesim.yaml, or the defaults.
    public let config: SimulatorConfig
    /// Objects skipped (kinds kubesim does not serve), one line each.
    public let warnings: [String]
}
