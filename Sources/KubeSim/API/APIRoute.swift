/// Where a request path leads in the Kubernetes API.
enum APIRoute: Equatable {
    /// `/version`.
    case version
    /// `/api`: the core group's versions.
    case coreVersions
    /// `/apis`: the other groups.
    case groups
    /// `/apis/<group>`: one group.
    case group(String)
    /// `/api/v1` or `/apis/<group>/v1`: the resources of a group version.
    case resourceList(group: String)
    /// An object or a collection.
    case resource(ResourceTarget)
    /// A path under `/api` or `/apis` that names nothing kubesim serves.
    case unknownAPIPath
    /// Anything else.
    case other

    /// Routes a path such as `/api/v1/namespaces/shop/pods/web-1`.
    init(path: String) {
        let segments = path.split(separator: "/").map(String.init)
        switch segments.first {
        case "version" where segments.count == 1:
            self = .version
        case "api":
            if segments.count == 1 { self = .coreVersions; return }
            guard segments[1] == "v1" else { self = .unknownAPIPath; return }
            self = segments.count == 2 ? .resourceList(group: "") : Self.resource(group: "", Array(segments.dropFirst(2)))
        case "apis":
            if segments.count == 1 { self = .groups; return }
            let group = segments[1]
            guard ResourceCatalog.groups.contains(group) else { self = .unknownAPIPath; return }
            if segments.count == 2 { self = .group(group); return }
            guard segments[2] == "v1" else { self = .unknownAPIPath; return }
            self = segments.count == 3 ? .resourceList(group: group) : Self.resource(group: group, Array(segments.dropFirst(3)))
        default:
            self = .other
        }
    }

    /// The part after the group version: `pods`, `pods/x`, `namespaces/ns/pods[/x[/sub]]`, `nodes/x[/sub]`.
    private static func resource(group: String, _ rest: [String]) -> APIRoute {
        if rest.count >= 3, rest[0] == "namespaces", let type = ResourceCatalog.resource(group: group, plural: rest[2]),
            type.namespaced
        {
            guard rest.count <= 5 else { return .unknownAPIPath }
            return .resource(ResourceTarget(
                type: type, namespace: rest[1], name: rest.count > 3 ? rest[3] : "",
                subresource: rest.count > 4 ? rest[4] : ""))
        }
        guard let type = ResourceCatalog.resource(group: group, plural: rest[0]), rest.count <= 3 else {
            return .unknownAPIPath
        }
        // A namespaced resource has no objects outside a namespace: /api/v1/pods/x names nothing.
        if type.namespaced && rest.count > 1 { return .unknownAPIPath }
        return .resource(ResourceTarget(
            type: type, namespace: "", name: rest.count > 1 ? rest[1] : "", subresource: rest.count > 2 ? rest[2] : ""))
    }
}

/// The object or collection a resource request names.
struct ResourceTarget: Equatable {
    /// The resource.
    let type: ResourceType
    /// The namespace in the path; empty for cluster-scoped resources and all-namespace lists.
    let namespace: String
    /// The object name; empty for a collection.
    let name: String
    /// `status`, `log`, ...; empty for the object itself.
    let subresource: String
}
