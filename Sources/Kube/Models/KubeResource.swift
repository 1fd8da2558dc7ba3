/// A read model the client can get and list: where it lives in the API, and its metadata.
public protocol KubeResource: Decodable, Sendable, Hashable {
    /// The resource's place in the API.
    static var resource: ResourceDescriptor { get }
    /// The object's metadata.
    var metadata: ObjectMeta { get }
}

/// Where a resource lives in the API: group, version, plural name, scope.
public struct ResourceDescriptor: Sendable, Hashable, CustomStringConvertible {
    /// The API group; empty for the core group.
    public let group: String
    /// The API version (`v1`).
    public let version: String
    /// The plural name used in URLs and RBAC rules (`pods`).
    public let plural: String
    /// The object kind (`Pod`).
    public let kind: String
    /// Whether objects live in namespaces.
    public let namespaced: Bool

    /// A descriptor.
    public init(group: String, version: String, plural: String, kind: String, namespaced: Bool = true) {
        self.group = group
        self.version = version
        self.plural = plural
        self.kind = kind
        self.namespaced = namespaced
    }

    /// `v1` or `apps/v1`.
    public var groupVersion: String { group.isEmpty ? version : "\(group)/\(version)" }

    /// `/api/v1` or `/apis/apps/v1`.
    public var pathPrefix: String { group.isEmpty ? "/api/\(version)" : "/apis/\(group)/\(version)" }

    /// `pods` or `deployments.apps`, as API errors and `kubectl` name resources.
    public var qualifiedName: String { group.isEmpty ? plural : "\(plural).\(group)" }

    public var description: String { qualifiedName }
}

/// Which namespaces a list covers.
public enum NamespaceScope: Sendable, Hashable {
    /// One namespace.
    case namespace(String)
    /// Every namespace the caller may read (`kubectl get -A`); the only scope of cluster resources.
    case all

    /// The namespace name, or `nil` for all.
    public var name: String? {
        if case .namespace(let name) = self { return name }
        return nil
    }
}

/// One page of a list.
public struct KubeList<Item: Decodable & Sendable>: Decodable, Sendable {
    /// The list's metadata, with the next page's token.
    public var metadata: ListMeta
    /// The objects on this page.
    public var items: [Item]

    /// A list page.
    public init(metadata: ListMeta = ListMeta(), items: [Item]) {
        self.metadata = metadata
        self.items = items
    }

    private enum CodingKeys: String, CodingKey { case metadata, items }

    /// The API writes `"items": []` for an empty page; a missing or `null` member is tolerated as empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        metadata = try container.decodeIfPresent(ListMeta.self, forKey: .metadata) ?? ListMeta()
        items = try container.decodeIfPresent([Item].self, forKey: .items) ?? []
    }
}
