/// An apps/v1 DaemonSet: one pod per eligible node.
public struct DaemonSet: KubeResource {
    /// `daemonsets` in `apps`.
    public static let resource = ResourceDescriptor(group: "apps", version: "v1", plural: "daemonsets", kind: "DaemonSet")

    /// Metadata.
    public var metadata: ObjectMeta
    /// The desired state.
    public var spec: Spec?
    /// The observed state.
    public var status: Status?

    /// `spec` of a DaemonSet.
    public struct Spec: Decodable, Sendable, Hashable {
        /// Which pods it manages.
        public var selector: LabelSelector?
        /// The pod template.
        public var template: PodTemplateSpec?
    }

    /// `status` of a DaemonSet.
    public struct Status: Decodable, Sendable, Hashable {
        /// Nodes that should run the pod.
        public var desiredNumberScheduled: Int?
        /// Nodes running it.
        public var currentNumberScheduled: Int?
        /// Nodes where it is ready.
        public var numberReady: Int?
        /// Nodes where it is not available.
        public var numberUnavailable: Int?
    }
}
