import Alerting
import Diagnosis
import Foundation
import Testing
@testable import Notify

@Suite("Routing and re-notification")
struct SinkRouteTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    static func notification(status: AlertStatus = .firing, diagnosis: DiagnosisReport? = Samples.report()) throws -> IncidentNotification {
        var n = try Samples.firing(diagnosis: diagnosis)
        n.status = status
        return n
    }

    static func last(_ report: DiagnosisReport?, _ status: AlertStatus = .firing, minutesAgo: Double) -> SinkRoute.LastDelivery {
        SinkRoute.LastDelivery(fingerprint: DiagnosisFingerprint(report), status: status, deliveredAt: t0.addingTimeInterval(-minutesAgo * 60))
    }

    @Test("re-notify decisions")
    func decisions() throws {
        let route = SinkRoute(sink: "s", renotifyInterval: .seconds(4 * 3600))
        let report = Samples.report()
        let firing = try Self.notification()
        #expect(route.decide(firing, last: nil, now: Self.t0) == .send(.first))
        // Same diagnosis, inside the interval: wait until it is due.
        #expect(route.decide(firing, last: Self.last(report, minutesAgo: 60), now: Self.t0)
                == .skip(.unchanged(nextDue: Self.t0.addingTimeInterval(3 * 3600))))
        // Same diagnosis, interval passed (exactly, and later).
        #expect(route.decide(firing, last: Self.last(report, minutesAgo: 240), now: Self.t0) == .send(.renotify))
        #expect(route.decide(firing, last: Self.last(report, minutesAgo: 600), now: Self.t0) == .send(.renotify))
        // A changed cause is sent at once.
        let other = Samples.report(category: .imageNotFound, reason: .tagNotFound)
        #expect(route.decide(firing, last: Self.last(other, minutesAgo: 1), now: Self.t0) == .send(.diagnosisChanged))
        // A changed summary is a change too; the diagnosis arriving after a miss is a change.
        let reworded = Samples.report(summary: "Something else")
        #expect(route.decide(firing, last: Self.last(reworded, minutesAgo: 1), now: Self.t0) == .send(.diagnosisChanged))
        #expect(route.decide(firing, last: Self.last(nil, minutesAgo: 1), now: Self.t0) == .send(.diagnosisChanged))
        // Fires again after a resolved notification.
        #expect(route.decide(firing, last: Self.last(report, .resolved, minutesAgo: 1), now: Self.t0) == .send(.firingAgain))
    }

    @Test("resolved notifications")
    func resolved() throws {
        let report = Samples.report()
        let resolved = try Self.notification(status: .resolved)
        let route = SinkRoute(sink: "s")
        #expect(route.decide(resolved, last: Self.last(report, minutesAgo: 1), now: Self.t0) == .send(.resolved))
        #expect(route.decide(resolved, last: nil, now: Self.t0) == .skip(.resolvedNeverNotified))
        #expect(route.decide(resolved, last: Self.last(report, .resolved, minutesAgo: 1), now: Self.t0) == .skip(.alreadyResolved))
        let quiet = SinkRoute(sink: "s", sendResolved: false)
        #expect(quiet.decide(resolved, last: Self.last(report, minutesAgo: 1), now: Self.t0) == .skip(.resolvedNotWanted))
    }

    @Test("matchers see alert labels plus the diagnosis vocabulary")
    func matching() throws {
        let firing = try Self.notification()
        func route(_ text: String) throws -> SinkRoute { SinkRoute(sink: "s", matchers: try Matcher.parseList(text)) }
        #expect(try route("category=\"registry_auth\"").decide(firing, last: nil, now: Self.t0) == .send(.first))
        #expect(try route("category=\"image_not_found\"").decide(firing, last: nil, now: Self.t0) == .skip(.notMatched))
        #expect(try route("namespace=~\"shop|cart\", severity=\"warning\"").matches(firing))
        #expect(try route("reason=\"forbidden\"").matches(firing))
        // kube-state-metrics' own `reason` label stays reachable when the diagnosis takes the name.
        #expect(try route("alert_reason=\"ImagePullBackOff\"").matches(firing))
        #expect(try route("pulldoctor_category=\"registry_auth\"").matches(firing))
        #expect(try !route("team=~\".+\"").matches(firing))
        // Without a diagnosis: category is unknown and the alert's own reason label is kept.
        let undiagnosed = try Self.notification(diagnosis: nil)
        #expect(try route("category=\"unknown\", reason=\"ImagePullBackOff\"").matches(undiagnosed))
        #expect(try route("reason=\"forbidden\"").decide(undiagnosed, last: nil, now: Self.t0) == .skip(.notMatched))
    }

    @Test("a notification matches when any of its alerts does")
    func anyAlert() throws {
        var n = try Self.notification()
        var second = n.alerts[0]
        second.labels["pod"] = "web-other"
        second.labels["severity"] = "critical"
        n.alerts.append(second)
        #expect(try SinkRoute(sink: "s", matchers: Matcher.parseList("severity=critical")).matches(n))
        #expect(try !SinkRoute(sink: "s", matchers: Matcher.parseList("severity=info")).matches(n))
    }

    @Test("the diagnosis fingerprint ignores ids, times and evidence, not the cause or summary")
    func fingerprint() {
        let base = Samples.report()
        var moved = base
        moved.id = "other"
        moved.createdAt = Date()
        moved.evidence.reverse()
        moved.affected = []
        #expect(DiagnosisFingerprint(base) == DiagnosisFingerprint(moved))
        #expect(DiagnosisFingerprint(base) != DiagnosisFingerprint(Samples.report(reason: .credentialsRejected)))
        #expect(DiagnosisFingerprint(base) != DiagnosisFingerprint(nil))
        #expect(DiagnosisFingerprint(category: "ab", reason: "c", summary: "") != DiagnosisFingerprint(category: "a", reason: "bc", summary: ""))
        #expect(DiagnosisFingerprint(base).value.count == 16)
        // Stored values must not change between releases: pinned to FNV-1a 64 computed independently
        // (python: bytes of each part, then 0xff, offset 0xcbf29ce484222325, prime 0x100000001b3).
        #expect(DiagnosisFingerprint(category: "registry_auth", reason: "forbidden", summary: "s").value == "aaec2b65dff44e4a")
    }
}
