/// A core/v1 Node: its pressure conditions, platform and runtime matter to pulls.
public struct Node: KubeResource {
    /// `nodes` in the core group (cluster-scoped).
    public static let resource = ResourceDescriptor(group: "", version: "v1", plural: "nodes", kind: "Node", namespaced: false)

    /// Metadata; labels carry `kubernetes.io/arch` and `kubernetes.io/os`.
    public var metadata: ObjectMeta
    /// The desired state.
    public var spec: Spec?
    /// What the kubelet reports.
    public var status: Status?

    /// `spec` of a Node.
    public struct Spec: Decodable, Sendable, Hashable {
        /// Whether new pods are kept off the node (`kubectl cordon`).
        public var unschedulable: Bool?
        /// Taints.
        public var taints: [Taint]?
    }

    /// A taint.
    public struct Taint: Decodable, Sendable, Hashable {
        /// The taint key (`node.kubernetes.io/disk-pressure`).
        public var key: String?
        /// The taint value.
        public var value: String?
        /// `NoSchedule`, `PreferNoSchedule` or `NoExecute`.
        public var effect: String?
    }

    /// `status` of a Node.
    public struct Status: Decodable, Sendable, Hashable {
        /// `Ready`, `MemoryPressure`, `DiskPressure`, `PIDPressure`, `NetworkUnavailable`.
        public var conditions: [KubeCondition]?
        /// Platform and versions.
        public var nodeInfo: NodeInfo?
        /// Total resources, as quantities (`ephemeral-storage: 101430960Ki`).
        public var capacity: [String: String]?
        /// Resources available to pods.
        public var allocatable: [String: String]?
        /// Images present on the node (the kubelet reports up to 50 by default).
        public var images: [NodeImage]?
    }

    /// `status.nodeInfo`.
    public struct NodeInfo: Decodable, Sendable, Hashable {
        /// `amd64`, `arm64`, ...
        public var architecture: String?
        /// `linux` or `windows`.
        public var operatingSystem: String?
        /// `containerd://1.7.22`, `cri-o://1.30.4`, `docker://20.10.24`.
        public var containerRuntimeVersion: String?
        /// `v1.30.6`.
        public var kubeletVersion: String?
        /// The kernel version.
        public var kernelVersion: String?
        /// The OS image (`Ubuntu 22.04.5 LTS`).
        public var osImage: String?
    }

    /// One entry of `status.images`.
    public struct NodeImage: Decodable, Sendable, Hashable {
        /// Names and digests the image is known by.
        public var names: [String]?
        /// Its size.
        public var sizeBytes: Int?
    }

    /// The condition of this type, if reported.
    public func condition(_ type: String) -> KubeCondition? {
        status?.conditions?.first { $0.type == type }
    }

    /// Whether the kubelet reports `DiskPressure=True`.
    public var hasDiskPressure: Bool { condition("DiskPressure")?.isTrue ?? false }

    /// The node's architecture: `status.nodeInfo.architecture`, else the `kubernetes.io/arch` label.
    public var architecture: String? {
        status?.nodeInfo?.architecture ?? metadata.labels?["kubernetes.io/arch"]
    }
}
