/// An apps/v1 ReplicaSet: the link between a Deployment and its pods.
public struct ReplicaSet: KubeResource {
    /// `replicasets` in `apps`.
    public static let resource = ResourceDescriptor(group: "apps", version: "v1", plural: "replicasets", kind: "ReplicaSet")

    /// Metadata; `ownerReferences` names the Deployment.
    public var metadata: ObjectMeta
    /// The desired state.
    public var spec: Spec?
    /// The observed state.
    public var status: Status?

    /// `spec` of a ReplicaSet.
    public struct Spec: Decodable, Sendable, Hashable {
        /// Desired pods.
        public var replicas: Int?
        /// Which pods it owns.
        public var selector: LabelSelector?
        /// The pod template.
        public var template: PodTemplateSpec?
    }

    /// `status` of a ReplicaSet.
    public struct Status: Decodable, Sendable, Hashable {
        /// Pods it has.
        public var replicas: Int?
        /// Pods that are ready.
        public var readyReplicas: Int?
        /// Pods ready for `minReadySeconds`.
        public var availableReplicas: Int?
    }
}
