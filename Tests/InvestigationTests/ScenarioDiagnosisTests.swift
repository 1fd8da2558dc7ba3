import Diagnosis
import Foundation
import Investigation
import Testing

/// Every scenario that needs no registry: the diagnosis from the cluster alone (probe off) must match
/// the scenario's expected category and reason, with a summary and a fix naming the real objects.
@Suite("Diagnosis of the kubesim scenarios (cluster evidence only)")
struct ScenarioDiagnosisTests {
    static let offline = Scenario.all().filter { $0.registry == "none" && $0.name != "mixed-namespace" }

    @Test("expected category and reason", arguments: offline)
    func scenario(_ scenario: Scenario) async throws {
        let sim = try await ScenarioRig.start(scenario.name, values: [:])
        let report = await ScenarioRig.diagnose(scenario, sim: sim, prober: nil)
        await sim.stop()
        #expect(report.verdict == .imagePull)
        #expect(report.category.rawValue == scenario.category, "\(report.summary)")
        #expect(report.reason.rawValue == scenario.reason, "\(report.summary)")
        #expect(!report.summary.isEmpty)
        #expect(!report.evidence.isEmpty)
        #expect(!report.remediation.isEmpty)
        #expect(report.affected.contains { $0.pod == scenario.pod })
        #expect(report.incident.namespace == scenario.namespace)
        #expect(report.unchecked.contains { $0.what == "registry probe" }, "the probe being off is said")
    }
}
