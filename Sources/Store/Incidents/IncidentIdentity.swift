/// Who an incident is: one failing (namespace, owner, container image). The caller derives it from the
/// diagnosis model's `IncidentKey`, whose `id` is the stable string used here as the primary key.
public struct IncidentIdentity: Sendable, Hashable {
    /// The stable key, e.g. `shop/Deployment/web/registry.example.com/web:v2`.
    public var id: String
    /// The namespace of the failing pods.
    public var namespace: String
    /// The top-level owner's kind (`Deployment`, `StatefulSet`, ..., or `Pod`).
    public var ownerKind: String
    /// The top-level owner's name.
    public var ownerName: String
    /// The container image as the pod spec names it.
    public var image: String

    /// Makes an identity; `id` must be the same for the same (namespace, owner, image) every time.
    public init(id: String, namespace: String, ownerKind: String, ownerName: String, image: String) {
        self.id = id
        self.namespace = namespace
        self.ownerKind = ownerKind
        self.ownerName = ownerName
        self.image = image
    }
}

/// What attaching alerts did to their incident.
public struct IncidentAttachment: Sendable, Equatable {
    /// How the incident changed.
    public enum Change: String, Sendable, CaseIterable {
        /// The incident did not exist: it was created, firing.
        case opened
        /// It had resolved and fires again: a new episode began (`episode` went up by one).
        case reopened
        /// It already existed in the same state: the alerts joined it.
        case joined
    }

    /// The incident after the change.
    public let incident: IncidentRecord
    /// What attaching did.
    public let change: Change
}
