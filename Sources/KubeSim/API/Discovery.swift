/// The discovery documents kubectl and client-go read before any resource request: `/version`, `/api`,
/// `/apis`, `/apis/<group>`, and the resource lists of each group version.
///
/// Only the legacy (unaggregated) form is served, with `Content-Type: application/json`: kubectl asks for the
/// aggregated `apidiscovery.k8s.io` form first and falls back to this when the answer is plain JSON.
enum Discovery {
    /// The verbs kubesim serves for every resource.
    static let verbs: [JSONValue] = ["get", "list"]

    /// `/version` for a `gitVersion` such as `v1.32.0`.
    static func version(_ gitVersion: String) -> JSONValue {
        let numbers = gitVersion.dropFirst(gitVersion.hasPrefix("v") ? 1 : 0).split(separator: ".")
        let major = numbers.first.map(String.init) ?? "1"
        let minor = numbers.count > 1 ? String(numbers[1]) : "0"
        return .object(JSONObject([
            ("major", .string(major)), ("minor", .string(minor)), ("gitVersion", .string(gitVersion)),
            ("gitCommit", ""), ("gitTreeState", "clean"), ("buildDate", "1970-01-01T00:00:00Z"),
            ("goVersion", ""), ("compiler", "gc"), ("platform", "linux/amd64"),
        ]))
    }

    /// `/api`.
    static var coreVersions: JSONValue {
        .object(JSONObject([("kind", "APIVersions"), ("versions", ["v1"])]))
    }

    /// `/apis`.
    static var groupList: JSONValue {
        .object(JSONObject([
            ("kind", "APIGroupList"), ("apiVersion", "v1"), ("groups", .array(ResourceCatalog.groups.map(groupBody))),
        ]))
    }

    /// `/apis/<group>`.
    static func group(_ name: String) -> JSONValue {
        var object = JSONObject([("kind", "APIGroup"), ("apiVersion", "v1")])
        for member in groupBody(name).objectValue?.members ?? [] { object[member.key] = member.value }
        return .object(object)
    }

    /// `/api/v1` (group `""`) or `/apis/<group>/v1`.
    static func resourceList(group: String) -> JSONValue {
        var object = JSONObject([("kind", "APIResourceList")])
        if !group.isEmpty { object["apiVersion"] = "v1" }
        object["groupVersion"] = .string(group.isEmpty ? "v1" : group + "/v1")
        object["resources"] = .array(ResourceCatalog.resources(inGroup: group).map(resourceBody))
        return .object(object)
    }

    private static func groupBody(_ name: String) -> JSONValue {
        let version: JSONValue = .object(JSONObject([("groupVersion", .string(name + "/v1")), ("version", "v1")]))
        return .object(JSONObject([("name", .string(name)), ("versions", [version]), ("preferredVersion", version)]))
    }

    private static func resourceBody(_ type: ResourceType) -> JSONValue {
        var object = JSONObject([
            ("name", .string(type.plural)), ("singularName", .string(type.singular)),
            ("namespaced", .bool(type.namespaced)), ("kind", .string(type.kind)), ("verbs", .array(verbs)),
        ])
        if !type.shortNames.isEmpty { object["shortNames"] = .array(type.shortNames.map(JSONValue.string)) }
        if !type.categories.isEmpty { object["categories"] = .array(type.categories.map(JSONValue.string)) }
        return .object(object)
    }
}
