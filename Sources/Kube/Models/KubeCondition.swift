import Foundation

/// A condition as pods, nodes and workloads report them.
public struct KubeCondition: Decodable, Sendable, Hashable {
    /// The condition type (`Ready`, `DiskPressure`, `Available`, ...).
    public var type: String?
    /// `True`, `False` or `Unknown`.
    public var status: String?
    /// A CamelCase reason.
    public var reason: String?
    /// A human message.
    public var message: String?
    /// When the status last changed.
    public var lastTransitionTime: Date?
    /// When a node last reported it (nodes only).
    public var lastHeartbeatTime: Date?
    /// When the workload controller last updated it (deployments only).
    public var lastUpdateTime: Date?

    /// Whether `status` is `True`.
    public var isTrue: Bool { status == "True" }
}
