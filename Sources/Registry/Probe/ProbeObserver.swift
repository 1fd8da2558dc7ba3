/// The metrics seam: the probe reports every real probe here (cache hits and coalesced waiters are not
/// probes), and the server turns the records into `pulldoctor_registry_probes_total{outcome}` and a
/// duration histogram. A protocol, so this target never depends on a metrics library.
public protocol ProbeObserver: Sendable {
    /// Called once per probe that went to the network (or failed before it, e.g. an invalid reference),
    /// after it finished.
    func registryProbeFinished(_ record: ProbeRecord)
}

/// One finished probe, with bounded values only.
public struct ProbeRecord: Sendable, Hashable {
    /// The outcome's raw value (`ok`, `tag_not_found`, ...): a metric label.
    public var outcome: String
    /// From the start of the probe (slot wait included) to its end.
    public var duration: Duration

    /// A record.
    public init(outcome: String, duration: Duration) {
        self.outcome = outcome
        self.duration = duration
    }

    /// Every outcome label, for pre-creating metric series at 0.
    public static var outcomes: [String] { ProbeOutcome.allCases.map(\.rawValue) }
}

/// An observer made of a closure.
public struct ProbeCallback: ProbeObserver {
    private let body: @Sendable (ProbeRecord) -> Void

    /// Calls `body` for every record.
    public init(_ body: @escaping @Sendable (ProbeRecord) -> Void) {
        self.body = body
    }

    public func registryProbeFinished(_ record: ProbeRecord) {
        body(record)
    }
}
