import Foundation

/// A core/v1 Event. Kubelet events fill `firstTimestamp`/`lastTimestamp`/`count`; events written through
/// events/v1 (the scheduler's `Scheduled`) fill `eventTime` and `series` and leave the others `null`.
public struct Event: KubeResource {
    /// `events` in the core group.
    public static let resource = ResourceDescriptor(group: "", version: "v1", plural: "events", kind: "Event")

    /// Metadata.
    public var metadata: ObjectMeta
    /// The object the event is about.
    public var involvedObject: ObjectReference?
    /// A CamelCase reason (`Failed`, `BackOff`, `Pulling`, `ErrImageNeverPull`).
    public var reason: String?
    /// The message (for pulls: the runtime's error).
    public var message: String?
    /// `Normal` or `Warning`.
    public var type: String?
    /// How often it happened (core/v1 deduplication).
    public var count: Int?
    /// First occurrence (core/v1 deduplication).
    public var firstTimestamp: Date?
    /// Last occurrence (core/v1 deduplication).
    public var lastTimestamp: Date?
    /// When it was first observed, in microseconds (events/v1).
    public var eventTime: Date?
    /// Who reported it (core/v1 style).
    public var source: EventSource?
    /// Who reported it (events/v1 style: `kubelet`, `default-scheduler`).
    public var reportingComponent: String?
    /// Which instance reported it (a node name for kubelets).
    public var reportingInstance: String?
    /// What was done (`Binding`, events/v1).
    public var action: String?
    /// Repetitions (events/v1 deduplication).
    public var series: EventSeries?

    /// An event with this metadata.
    public init(metadata: ObjectMeta) {
        self.metadata = metadata
    }

    /// The most recent time the event is known to have happened, whichever API wrote it.
    public var lastSeen: Date? {
        series?.lastObservedTime ?? lastTimestamp ?? eventTime ?? firstTimestamp ?? metadata.creationTimestamp
    }

    /// How many times it happened, whichever API wrote it (at least 1).
    public var occurrences: Int {
        max(1, series?.count ?? count ?? 1)
    }

    /// The component that reported it: `reportingComponent`, else `source.component`.
    public var reporter: String? {
        if let component = reportingComponent, !component.isEmpty { return component }
        return source?.component
    }
}

/// A reference to another object (`involvedObject`).
public struct ObjectReference: Decodable, Sendable, Hashable {
    /// The object's kind.
    public var kind: String?
    /// The object's namespace.
    public var namespace: String?
    /// The object's name.
    public var name: String?
    /// The object's uid.
    public var uid: String?
    /// The object's API version.
    public var apiVersion: String?
    /// The object's resource version when the event was made.
    public var resourceVersion: String?
    /// The part of the object (`spec.containers{cart}`, `spec.initContainers{migrate}`).
    public var fieldPath: String?

    /// The container name a `fieldPath` like `spec.containers{cart}` names.
    public var containerName: String? {
        guard let path = fieldPath, let open = path.firstIndex(of: "{"), path.hasSuffix("}") else { return nil }
        return String(path[path.index(after: open)..<path.index(before: path.endIndex)])
    }
}

/// `source` of a core/v1 event.
public struct EventSource: Decodable, Sendable, Hashable {
    /// The component (`kubelet`).
    public var component: String?
    /// The host (a node name).
    public var host: String?
}

/// `series` of an events/v1 event.
public struct EventSeries: Decodable, Sendable, Hashable {
    /// Occurrences so far.
    public var count: Int?
    /// The last occurrence (MicroTime).
    public var lastObservedTime: Date?
}
