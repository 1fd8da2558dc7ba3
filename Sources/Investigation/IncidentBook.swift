import Diagnosis
import Foundation

/// In-memory bookkeeping of incidents: which occurrences were counted, which pods fail now and why, and the
/// latest diagnosis per incident (with every affected pod merged in).
struct IncidentBook {
    private struct Incident {
        var report: DiagnosisReport
        var pods: Set<String>
    }

    private var counted: [Occurrence: (incident: IncidentKey, pod: String)] = [:]
    /// `counted`'s keys in the order they were added, so the oldest go first past `countedLimit`.
    private var countedOrder: [Occurrence] = []
    private var countedOrderStart = 0
    /// Occurrences remembered (for counting each once, and for resolving them). A long-running process
    /// sees new occurrences for ever (each re-fire of an alert has a new startsAt); past this the oldest are
    /// forgotten, and a re-send of one of those, days later, would be counted again. 20,000 entries take
    /// a table of about 3.4 MB (32,768 buckets of 104 bytes); 50,000 took 13.6 MB, which the soak showed.
    static let countedLimit = 20_000
    private var incidents: [IncidentKey: Incident] = [:]
    private var recentByGroup: [GroupKey: (report: DiagnosisReport, at: ContinuousClock.Instant)] = [:]

    mutating func remember(_ key: GroupKey, report: DiagnosisReport) {
        let now = ContinuousClock.now
        if recentByGroup.count >= 4096 {
            // Long-lived processes: drop groups not diagnosed for ten minutes (far past any reuse window).
            recentByGroup = recentByGroup.filter { now - $0.value.at < .seconds(600) }
        }
        recentByGroup[key] = (report, now)
    }

    func recent(_ key: GroupKey, within: Duration) -> DiagnosisReport? {
        guard let entry = recentByGroup[key], ContinuousClock.now - entry.at < within else { return nil }
        return entry.report
    }

    /// Records a firing occurrence; true when it was not seen before (a new failure, to count once).
    mutating func record(_ occurrence: Occurrence, report: DiagnosisReport, namespace: String, pod: String, container: String?) -> Bool {
        let isNew = counted[occurrence] == nil
        counted[occurrence] = (report.incident, "\(namespace)/\(pod)")
        if isNew { remember(occurrence) }
        guard report.verdict == .imagePull else { return isNew }
        var incident = incidents[report.incident] ?? Incident(report: report, pods: [])
        if incident.report.id != report.id { incident.report = report }
        incident.pods.insert("\(namespace)/\(pod)")
        // The group's report lists the investigated pod; every other pod of the group joins it here.
        let own = report.affected.filter { $0.pod == pod }
        let joined = own.isEmpty
            ? [AffectedContainer(namespace: namespace, pod: pod, container: container ?? report.affected.first?.container ?? "",
                                 initContainer: report.affected.first?.initContainer ?? false)]
            : own
        incident.report.affected = Self.merge(incident.report.affected, report.affected + joined)
        incidents[report.incident] = incident
        return isNew
    }

    private mutating func remember(_ occurrence: Occurrence) {
        countedOrder.append(occurrence)
        while counted.count > Self.countedLimit, countedOrderStart < countedOrder.count {
            counted[countedOrder[countedOrderStart]] = nil
            countedOrderStart += 1
        }
        // Keys of occurrences already resolved stay in the order list until they come up; compact when the
        // dead prefix, or the list itself, has grown past the limit.
        if countedOrderStart > Self.countedLimit / 2 || countedOrder.count > 2 * Self.countedLimit {
            countedOrder = countedOrder[countedOrderStart...].filter { counted[$0] != nil }
            countedOrderStart = 0
        }
    }

    /// Takes a resolved occurrence's pod off its incident; returns the incident's report when it closed.
    mutating func resolve(_ occurrence: Occurrence, namespace: String, pod: String) -> DiagnosisReport? {
        guard let (key, podKey) = counted.removeValue(forKey: occurrence), var incident = incidents[key] else { return nil }
        incident.pods.remove(podKey)
        incident.report.affected.removeAll { "\($0.namespace)/\($0.pod)" == podKey }
        if incident.pods.isEmpty {
            incidents[key] = nil
            return incident.report
        }
        incidents[key] = incident
        return nil
    }

    func report(for key: IncidentKey) -> DiagnosisReport? { incidents[key]?.report }

    /// How many occurrences are remembered.
    var countedCount: Int { counted.count }

    func failingPodsByCategory() -> [Category: Int] {
        var counts = Dictionary(uniqueKeysWithValues: Category.allCases.map { ($0, 0) })
        for incident in incidents.values { counts[incident.report.category, default: 0] += incident.pods.count }
        return counts
    }

    private static func merge(_ existing: [AffectedContainer], _ new: [AffectedContainer]) -> [AffectedContainer] {
        var merged = existing
        var seen = Set(existing.map { "\($0.pod)/\($0.container)" })
        for item in new where seen.insert("\(item.pod)/\(item.container)").inserted {
            merged.append(item)
        }
        return merged
    }
}
