/// An apps/v1 Deployment.
public struct Deployment: KubeResource {
    /// `deployments` in `apps`.
    public static let resource = ResourceDescriptor(group: "apps", version: "v1", plural: "deployments", kind: "Deployment")

    /// Metadata.
    public var metadata: ObjectMeta
    /// The desired state.
    public var spec: Spec?
    /// The observed state.
    public var status: Status?

    /// `spec` of a Deployment.
    public struct Spec: Decodable, Sendable, Hashable {
        /// Desired pods.
        public var replicas: Int?
        /// Which pods it manages.
        public var selector: LabelSelector?
        /// The pod template.
        public var template: PodTemplateSpec?
        /// Whether rollouts are paused.
        public var paused: Bool?
    }

    /// `status` of a Deployment.
    public struct Status: Decodable, Sendable, Hashable {
        /// Pods it has.
        public var replicas: Int?
        /// Pods on the current template.
        public var updatedReplicas: Int?
        /// Pods that are ready.
        public var readyReplicas: Int?
        /// Pods available.
        public var availableReplicas: Int?
        /// Pods not available.
        public var unavailableReplicas: Int?
        /// `Available`, `Progressing`, `ReplicaFailure`.
        public var conditions: [KubeCondition]?
    }
}
