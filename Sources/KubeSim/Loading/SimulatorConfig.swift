/// The per-fixture settings in `kubesim.yaml`, beside the objects.
///
/// ```yaml
/// user: system:serviceaccount:pulldoctor:pulldoctor   # who Forbidden messages name (this is the default)
/// version: v1.32.0                                    # gitVersion served at /version (default v1.32.0)
/// latency: 2s                                         # added before every resource request (default 0)
/// forbidden:                                          # requests refused with 403, as RBAC would
///   - {verb: get, resource: secrets, namespace: shop} # verb, namespace and name are optional
/// failures:                                           # requests answered with an error Status
///   - {resource: pods, code: 500, every: 1}           # also: verb, times (stop after N failures)
/// ```
/// Unknown keys are errors, so a misspelt setting does not silently do nothing.
public struct SimulatorConfig: Sendable, Equatable {
    /// The user named in Forbidden messages.
    public var user = "system:serviceaccount:pulldoctor:pulldoctor"
    /// `gitVersion` at `/version`.
    public var serverVersion = "v1.32.0"
    /// Latency added to resource requests.
    public var latency: [LatencyRule] = []
    /// Requests refused with 403.
    public var forbidden: [AccessRule] = []
    /// Requests answered with an error.
    public var failures: [FailureRule] = []

    /// The defaults: no latency, nothing forbidden, no failures.
    public init() {}

    /// Reads a parsed kubesim.yaml; `file` names it in errors.
    init(yaml: JSONValue, file: String) throws(FixtureError) {
        guard yaml != .null else { return }
        let reader = ConfigReader(file: file)
        let root = try reader.object(yaml, at: "kubesim.yaml", allowed: ["user", "version", "latency", "forbidden", "failures"])
        if let user = root["user"] { self.user = try reader.string(user, at: "user") }
        if let version = root["version"] { self.serverVersion = try reader.string(version, at: "version") }
        if let latency = root["latency"] {
            self.latency = [LatencyRule(delay: try reader.duration(latency, at: "latency"))]
        }
        for (index, entry) in (root["forbidden"]?.arrayValue ?? []).enumerated() {
            let path = "forbidden[\(index)]"
            let rule = try reader.object(entry, at: path, allowed: ["verb", "resource", "namespace", "name"])
            guard let resource = rule["resource"] else { throw reader.error("\(path).resource is required") }
            let resourceName = try reader.resourceName(resource, at: path + ".resource", allowWildcard: true)
            forbidden.append(
                AccessRule(
                    verb: try reader.optionalString(rule["verb"], at: path + ".verb"),
                    resource: resourceName,
                    namespace: try reader.optionalString(rule["namespace"], at: path + ".namespace"),
                    name: try reader.optionalString(rule["name"], at: path + ".name")))
        }
        for (index, entry) in (root["failures"]?.arrayValue ?? []).enumerated() {
            let path = "failures[\(index)]"
            let rule = try reader.object(entry, at: path, allowed: ["resource", "verb", "code", "every", "times"])
            guard let code = rule["code"]?.intValue, (400...599).contains(code) else {
                throw reader.error("\(path).code must be an HTTP error status between 400 and 599")
            }
            var resources: [String] = []
            if let resource = rule["resource"] {
                resources = [try reader.resourceName(resource, at: path + ".resource", allowWildcard: false)]
            }
            let verb = try reader.optionalString(rule["verb"], at: path + ".verb")
            let every = rule["every"]?.intValue ?? 1
            guard every >= 1 else { throw reader.error("\(path).every must be 1 or more") }
            failures.append(
                FailureRule(
                    resources: resources, verbs: verb.map { [$0] } ?? [],
                    code: code, every: every, times: rule["times"]?.intValue))
        }
    }
}

/// Strict reading of kubesim.yaml values, with the key path in every error.
private struct ConfigReader {
    let file: String

    func error(_ message: String) -> FixtureError {
        FixtureError(.invalidConfig, file: file, message)
    }

    func object(_ value: JSONValue, at path: String, allowed: Set<String>) throws(FixtureError) -> JSONObject {
        guard let object = value.objectValue else { throw error("\(path) must be a mapping") }
        let unknown = object.keys.filter { !allowed.contains($0) }
        guard unknown.isEmpty else {
            throw error("\(path): unknown key(s) \(unknown.joined(separator: ", ")); known: \(allowed.sorted().joined(separator: ", "))")
        }
        return object
    }

    func string(_ value: JSONValue, at path: String) throws(FixtureError) -> String {
        guard let text = value.stringValue else { throw error("\(path) must be a string") }
        return text
    }

    func optionalString(_ value: JSONValue?, at path: String) throws(FixtureError) -> String? {
        guard let value else { return nil }
        return try string(value, at: path)
    }

    func duration(_ value: JSONValue, at path: String) throws(FixtureError) -> Duration {
        if let milliseconds = value.intValue, milliseconds >= 0 { return .milliseconds(milliseconds) }
        guard let text = value.stringValue, let duration = DurationText.parse(text) else {
            throw error("\(path) must be a duration such as 250ms, 2s or 1m")
        }
        return duration
    }

    func resourceName(_ value: JSONValue, at path: String, allowWildcard: Bool) throws(FixtureError) -> String {
        let text = try string(value, at: path)
        if allowWildcard && text == "*" { return text }
        guard let resource = ResourceCatalog.resource(named: text) else {
            let known = ResourceCatalog.all.map(\.plural).joined(separator: ", ")
            throw error("\(path): kubesim serves no resource \"\(text)\"; known: \(known)")
        }
        return resource.plural
    }
}
