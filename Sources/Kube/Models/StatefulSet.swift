/// An apps/v1 StatefulSet: owns its pods directly.
public struct StatefulSet: KubeResource {
    /// `statefulsets` in `apps`.
    public static let resource = ResourceDescriptor(group: "apps", version: "v1", plural: "statefulsets", kind: "StatefulSet")

    /// Metadata.
    public var metadata: ObjectMeta
    /// The desired state.
    public var spec: Spec?
    /// The observed state.
    public var status: Status?

    /// `spec` of a StatefulSet.
    public struct Spec: Decodable, Sendable, Hashable {
        /// Desired pods.
        public var replicas: Int?
        /// Which pods it manages.
        public var selector: LabelSelector?
        /// The pod template.
        public var template: PodTemplateSpec?
        /// The governing headless service.
        public var serviceName: String?
    }

    /// `status` of a StatefulSet.
    public struct Status: Decodable, Sendable, Hashable {
        /// Pods it has.
        public var replicas: Int?
        /// Pods that are ready.
        public var readyReplicas: Int?
        /// Pods on the current revision.
        public var currentReplicas: Int?
        /// Pods on the update revision.
        public var updatedReplicas: Int?
    }
}
