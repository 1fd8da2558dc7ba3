import Foundation

/// `metadata` of every API object. Every field is optional: the API omits empty ones, and objects
/// inside templates carry almost none.
public struct ObjectMeta: Decodable, Sendable, Hashable {
    /// The object's name.
    public var name: String?
    /// The namespace; `nil` for cluster-scoped objects (nodes).
    public var namespace: String?
    /// The server-assigned unique id.
    public var uid: String?
    /// Opaque version for optimistic concurrency and watches.
    public var resourceVersion: String?
    /// The prefix the name was generated from (`cart-4vlk6mwpmc-`).
    public var generateName: String?
    /// When the object was created.
    public var creationTimestamp: Date?
    /// When deletion was requested; set while finalizers run.
    public var deletionTimestamp: Date?
    /// Labels.
    public var labels: [String: String]?
    /// Annotations.
    public var annotations: [String: String]?
    /// The objects this one belongs to (Pod -> ReplicaSet -> Deployment, Pod -> Job -> CronJob).
    public var ownerReferences: [OwnerReference]?
    /// Incremented on every spec change (workloads).
    public var generation: Int?

    /// An empty metadata block.
    public init(name: String? = nil, namespace: String? = nil) {
        self.name = name
        self.namespace = namespace
    }

    /// The owner that manages this object (`controller: true`), if any.
    public var controller: OwnerReference? {
        ownerReferences?.first { $0.controller == true }
    }
}

/// One entry of `metadata.ownerReferences`.
public struct OwnerReference: Decodable, Sendable, Hashable {
    /// The owner's API version (`apps/v1`).
    public var apiVersion: String?
    /// The owner's kind (`ReplicaSet`).
    public var kind: String?
    /// The owner's name.
    public var name: String?
    /// The owner's uid.
    public var uid: String?
    /// Whether the owner is the managing controller.
    public var controller: Bool?
    /// Whether deletion of the owner waits for this object.
    public var blockOwnerDeletion: Bool?
}

/// `metadata` of a list: where the next page starts.
public struct ListMeta: Decodable, Sendable, Hashable {
    /// The list's resource version.
    public var resourceVersion: String?
    /// The token for the next page; empty or absent on the last page.
    public var `continue`: String?
    /// Items left after this page, when the server can count them.
    public var remainingItemCount: Int?

    /// Empty list metadata.
    public init(resourceVersion: String? = nil, continue token: String? = nil, remainingItemCount: Int? = nil) {
        self.resourceVersion = resourceVersion
        self.continue = token
        self.remainingItemCount = remainingItemCount
    }

    /// The continue token when there is a next page.
    public var nextPageToken: String? {
        guard let token = self.continue, !token.isEmpty else { return nil }
        return token
    }
}

/// A name inside the object's namespace (`imagePullSecrets: [{name: regcred}]`).
public struct LocalObjectReference: Decodable, Sendable, Hashable {
    /// The referenced object's name. The API allows it empty.
    public var name: String?

    /// A reference to `name`.
    public init(name: String?) { self.name = name }
}
