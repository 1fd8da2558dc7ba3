import Alerting
import Diagnosis
import Foundation
import Kube
import Logging

/// Turns accepted alerts into diagnoses, in one pass that survives a storm:
/// - alerts for pods of the same owner and image share one investigation (the report names every pod);
/// - a re-sent alert (same fingerprint and startsAt) is not counted again;
/// - at most `maxConcurrent` investigations run at once, each bounded by `deadline`;
/// - resolved alerts take their pod off the failing count and close the incident when it has none left.
public actor DiagnosisWorker {
    /// Where finished diagnoses go (the store and outbox, or a test).
    public typealias Sink = @Sendable (DiagnosisReport, [Alert]) async -> Void

    private let investigator: Investigator
    private let engine: DiagnosisEngine
    private let deadline: Duration
    private let reuseFor: Duration
    private let observer: (any DiagnosisObserver)?
    private let sink: Sink
    private let logger: Logger
    private var book = IncidentBook()
    private var inFlight: [GroupKey: Task<DiagnosisReport, Never>] = [:]
    private var slots: Int
    private let maxConcurrent: Int
    private var waiters: [CheckedContinuation<Void, Never>] = []

    /// - Parameters:
    ///   - deadline: per-alert bound on the investigation; past it the diagnosis is partial.
    ///   - reuseFor: how long a diagnosis of a group answers further alerts of that group.
    public init(investigator: Investigator, engine: DiagnosisEngine, deadline: Duration = .seconds(5),
                reuseFor: Duration = .seconds(60), maxConcurrent: Int = 8, observer: (any DiagnosisObserver)? = nil,
                logger: Logger, sink: @escaping Sink) {
        self.investigator = investigator
        self.engine = engine
        self.deadline = deadline
        self.reuseFor = reuseFor
        self.observer = observer
        self.sink = sink
        self.logger = logger
        self.slots = max(1, maxConcurrent)
        self.maxConcurrent = max(1, maxConcurrent)
    }

    /// Handles every alert of a payload; returns when each has its diagnosis (or was closed).
    ///
    /// Firing alerts are grouped first (pods of one owner failing on one image): each group is investigated
    /// once and reaches the sink once, with all of its alerts, so a storm of 5,000 alerts in 50 workloads
    /// costs 50 investigations and 50 recordings.
    public func handle(_ payload: WebhookPayload) async {
        var firing: [(alert: Alert, namespace: String, pod: String)] = []
        for alert in payload.alerts {
            guard alert.status == .firing, let namespace = alert.labels["namespace"], let pod = alert.labels["pod"] else {
                await handle(alert)
                continue
            }
            firing.append((alert, namespace, pod))
        }
        guard !firing.isEmpty else { return }
        // Read each namespace's pods once, concurrently, before grouping by them.
        let namespaces = Set(firing.map(\.namespace))
        let reader = investigator.reader
        await withTaskGroup(of: Void.self) { group in
            for namespace in namespaces { group.addTask { _ = try? await reader.pods(in: namespace) } }
        }
        var groups: [GroupKey: [(alert: Alert, namespace: String, pod: String)]] = [:]
        var order: [GroupKey] = []
        for entry in firing {
            let key = await groupKey(namespace: entry.namespace, pod: entry.pod, container: entry.alert.labels["container"])
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(entry)
        }
        await withTaskGroup(of: Void.self) { group in
            for key in order {
                let members = groups[key] ?? []
                group.addTask { await self.handleGroup(key, members) }
            }
        }
    }

    /// Handles one alert.
    public func handle(_ alert: Alert) async {
        guard let namespace = alert.labels["namespace"], let pod = alert.labels["pod"] else {
            logger.debug("alert names no pod; passed through", metadata: ["pulldoctor.alertname": "\(alert.labels["alertname"] ?? "")"])
            await sink(Self.noPodReport(alert), [alert])
            return
        }
        let occurrence = Occurrence(fingerprint: alert.fingerprint, startsAt: alert.startsAt)
        if alert.status == .resolved {
            if let report = book.resolve(occurrence, namespace: namespace, pod: pod) {
                await sink(report, [alert])
            }
            observer?.failingPods(book.failingPodsByCategory())
            return
        }
        let key = await groupKey(namespace: namespace, pod: pod, container: alert.labels["container"])
        await handleGroup(key, [(alert, namespace, pod)])
    }

    /// One investigation for a group of firing alerts, each counted once, and one call of the sink.
    private func handleGroup(_ key: GroupKey, _ members: [(alert: Alert, namespace: String, pod: String)]) async {
        guard let first = members.first else { return }
        let report = await diagnosis(for: key, namespace: first.namespace, pod: first.pod, labels: first.alert.labels)
        for member in members {
            let occurrence = Occurrence(fingerprint: member.alert.fingerprint, startsAt: member.alert.startsAt)
            let isNew = book.record(occurrence, report: report, namespace: member.namespace, pod: member.pod,
                                    container: member.alert.labels["container"])
            if isNew && report.verdict == .imagePull {
                observer?.failureCounted(report)
            }
        }
        observer?.failingPods(book.failingPodsByCategory())
        await sink(book.report(for: report.incident) ?? report, members.map(\.alert))
    }

    /// What an alert without `namespace` and `pod` labels gets: nothing to investigate, marked handled.
    static func noPodReport(_ alert: Alert) -> DiagnosisReport {
        DiagnosisReport(
            id: UUID().uuidString.lowercased(), createdAt: Date(), verdict: .noPod,
            incident: IncidentKey(namespace: alert.labels["namespace"] ?? "", ownerKind: "", ownerName: "", image: ""),
            category: .unknown, reason: .noCauseInMessage, confidence: .low,
            summary: "The alert \(alert.labels["alertname"] ?? "") names no pod (no namespace and pod labels); passed through.")
    }

    /// A recent diagnosis of the group, the one in flight, or a new investigation.
    private func diagnosis(for key: GroupKey, namespace: String, pod: String, labels: [String: String]) async -> DiagnosisReport {
        if let recent = book.recent(key, within: reuseFor) { return recent }
        if let task = inFlight[key] { return await task.value }
        let task = Task { await self.investigate(key: key, namespace: namespace, pod: pod, labels: labels) }
        inFlight[key] = task
        let report = await task.value
        inFlight[key] = nil
        book.remember(key, report: report)
        return report
    }

    private func investigate(key: GroupKey, namespace: String, pod: String, labels: [String: String]) async -> DiagnosisReport {
        await acquireSlot()
        defer { releaseSlot() }
        let start = ContinuousClock.now
        let file = await investigator.investigate(namespace: namespace, pod: pod, labels: labels, deadline: deadline)
        let report = engine.decide(file, id: UUID().uuidString.lowercased(), now: Date())
        let duration = ContinuousClock.now - start
        observer?.diagnosed(report, duration: duration)
        logger.info("diagnosed", metadata: [
            "pulldoctor.namespace": "\(namespace)", "pulldoctor.pod": "\(pod)", "pulldoctor.verdict": "\(report.verdict.rawValue)",
            "pulldoctor.category": "\(report.category.rawValue)", "pulldoctor.reason": "\(report.reason.rawValue)",
            "pulldoctor.confidence": "\(report.confidence.rawValue)", "pulldoctor.partial": "\(report.partial)",
        ])
        return report
    }

    /// Pods of one owner failing on one image form a group; read from the cached namespace pod list.
    private func groupKey(namespace: String, pod: String, container: String?) async -> GroupKey {
        guard let object = try? await investigator.reader.pod(pod, in: namespace) else {
            return GroupKey(namespace: namespace, owner: "Pod/\(pod)", image: "")
        }
        let facts = PodFactsReader(pod: object, wantedContainer: container)
        let owner = object.metadata.controller.map { "\($0.kind ?? "")/\($0.name ?? "")" } ?? "Pod/\(pod)"
        return GroupKey(namespace: namespace, owner: owner, image: facts.failingImage ?? "")
    }

    private func acquireSlot() async {
        if slots > 0 {
            slots -= 1
            reportSlots()
            return
        }
        await withCheckedContinuation {
            waiters.append($0)
            reportSlots()
        }
    }

    private func releaseSlot() {
        if waiters.isEmpty {
            slots += 1
        } else {
            waiters.removeFirst().resume()
        }
        reportSlots()
    }

    private func reportSlots() {
        observer?.investigations(running: maxConcurrent - slots, waiting: waiters.count)
    }
}

/// Pods of one controller failing on one image: diagnosed once.
struct GroupKey: Hashable, Sendable {
    let namespace: String
    let owner: String
    let image: String
}

/// One failure occurrence as Alertmanager identifies it.
struct Occurrence: Hashable, Sendable {
    let fingerprint: String
    let startsAt: Date
}
