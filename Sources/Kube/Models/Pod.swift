import Foundation

/// A core/v1 Pod, as far as image-pull diagnosis reads it.
public struct Pod: KubeResource {
    /// `pods` in the core group.
    public static let resource = ResourceDescriptor(group: "", version: "v1", plural: "pods", kind: "Pod")

    /// Metadata, including the owner chain.
    public var metadata: ObjectMeta
    /// The desired state: containers, images, pull secrets, node.
    public var spec: PodSpec?
    /// What the kubelet reports.
    public var status: PodStatus?

    /// A pod with this metadata.
    public init(metadata: ObjectMeta, spec: PodSpec? = nil, status: PodStatus? = nil) {
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }

    /// The status of the named container, init containers included.
    public func containerStatus(named name: String) -> ContainerStatus? {
        status?.allContainerStatuses.first { $0.name == name }
    }
}

/// A pod's `status`.
public struct PodStatus: Decodable, Sendable, Hashable {
    /// `Pending`, `Running`, `Succeeded`, `Failed` or `Unknown`.
    public var phase: String?
    /// `PodScheduled`, `Initialized`, `ContainersReady`, `Ready`, ...
    public var conditions: [KubeCondition]?
    /// One entry per app container.
    public var containerStatuses: [ContainerStatus]?
    /// One entry per init container.
    public var initContainerStatuses: [ContainerStatus]?
    /// A CamelCase reason for the pod's state (`Evicted`, ...).
    public var reason: String?
    /// A human message for the pod's state.
    public var message: String?
    /// The node's IP.
    public var hostIP: String?
    /// The pod's IP.
    public var podIP: String?
    /// When the kubelet accepted the pod.
    public var startTime: Date?

    /// An empty status.
    public init(phase: String? = nil) { self.phase = phase }

    /// Init container statuses first, then app containers.
    public var allContainerStatuses: [ContainerStatus] {
        (initContainerStatuses ?? []) + (containerStatuses ?? [])
    }
}

/// The kubelet's report on one container.
public struct ContainerStatus: Decodable, Sendable, Hashable {
    /// The container name.
    public var name: String?
    /// The current state.
    public var state: ContainerState?
    /// The state before the last restart.
    public var lastState: ContainerState?
    /// The image the kubelet resolved (may differ in form from the spec's).
    public var image: String?
    /// The image digest once pulled; empty while the pull fails.
    public var imageID: String?
    /// Whether the container passes its readiness probe.
    public var ready: Bool?
    /// How often the container restarted.
    public var restartCount: Int?
    /// Whether the container has started.
    public var started: Bool?

    /// The waiting reason (`ErrImagePull`, `ImagePullBackOff`, ...), if the container is waiting.
    public var waitingReason: String? { state?.waiting?.reason }
}

/// Exactly one of `waiting`, `running` or `terminated` is set by the kubelet.
public struct ContainerState: Decodable, Sendable, Hashable {
    /// Set while the container cannot start (image pulls fail here).
    public var waiting: Waiting?
    /// Set while the container runs.
    public var running: Running?
    /// Set after the container exited.
    public var terminated: Terminated?

    /// A waiting container: `reason` is `ErrImagePull`, `ImagePullBackOff`, `InvalidImageName`, ...
    public struct Waiting: Decodable, Sendable, Hashable {
        /// A CamelCase reason.
        public var reason: String?
        /// The runtime's or the kubelet's message.
        public var message: String?
    }

    /// A running container.
    public struct Running: Decodable, Sendable, Hashable {
        /// When it started.
        public var startedAt: Date?
    }

    /// An exited container.
    public struct Terminated: Decodable, Sendable, Hashable {
        /// The exit code.
        public var exitCode: Int?
        /// A CamelCase reason (`Completed`, `Error`, `OOMKilled`).
        public var reason: String?
        /// A message.
        public var message: String?
        /// When it started.
        public var startedAt: Date?
        /// When it finished.
        public var finishedAt: Date?
    }
}
