import ArgumentParser
import Diagnosis
import Foundation
import Server

/// `kubectl pulldoctor [-n NS] POD` and `kubectl pulldoctor --all-namespaces`: the kubectl plugin. kubectl
/// finds it as `kubectl-pulldoctor` on the PATH (`make install` links it to the pulldoctor binary).
struct KubectlPluginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kubectl pulldoctor",
        abstract: "Why can't this pod pull its image? Diagnose one pod, or scan for every pod failing to pull.")

    @OptionGroup var cluster: ClusterOptions

    @Option(name: [.customShort("n"), .customLong("namespace")], help: "The namespace (default: the context's, else default).")
    var namespace: String?

    @Flag(name: [.customShort("A"), .customLong("all-namespaces")], help: "Scan every namespace for pods failing to pull.")
    var allNamespaces = false

    @Argument(help: "POD, or NAMESPACE POD; without it, scan the namespace.")
    var target: [String] = []

    func validate() throws {
        guard target.count <= 2 else { throw ValidationError("give POD or NAMESPACE POD, not \(target.count) names") }
        if target.count == 2, namespace != nil { throw ValidationError("give the namespace once: -n NS POD, or NS POD") }
    }

    func run() async throws {
        // `kubectl pulldoctor [-n NS] POD` and `kubectl pulldoctor NS POD` both name one pod.
        let pod = target.last
        let namespace = target.count == 2 ? target[0] : self.namespace
        if let pod, !allNamespaces {
            let report = try await cluster.diagnose(namespace: namespace ?? "default", pod: pod, container: nil)
            try cluster.print(report)
            return
        }
        let config = try cluster.config()
        let failing: [(namespace: String, pod: String)]
        do {
            failing = try await OnDemandDiagnosis.failingPods(config: config, namespace: allNamespaces ? nil : (namespace ?? "default"))
        } catch {
            printError("kubectl-pulldoctor: \(error)")
            throw ExitCode(2)
        }
        var reports: [DiagnosisReport] = []
        for item in failing {
            reports.append(try await OnDemandDiagnosis.run(config: config, namespace: item.namespace, pod: item.pod))
        }
        if cluster.output == .json {
            let body = reports.map { String(decoding: $0.json(pretty: false), as: UTF8.self) }.joined(separator: ",")
            Swift.print("[\(body)]")
            return
        }
        Swift.print(Self.table(reports))
    }

    /// A table as kubectl prints them: NAMESPACE POD CATEGORY REASON CONFIDENCE SUMMARY.
    static func table(_ reports: [DiagnosisReport]) -> String {
        let header = ["NAMESPACE", "POD", "CATEGORY", "REASON", "CONFIDENCE", "SUMMARY"]
        let rows = reports.map {
            [$0.incident.namespace, $0.affected.first?.pod ?? $0.incident.ownerName, $0.category.rawValue, $0.reason.rawValue,
             $0.confidence.rawValue, String($0.summary.prefix(100))]
        }
        guard !rows.isEmpty else { return "No pods are failing to pull their image." }
        let widths = (0..<header.count - 1).map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        return ([header] + rows).map { row in
            row.enumerated().map { index, cell in
                index < widths.count ? cell.padding(toLength: widths[index] + 3, withPad: " ", startingAt: 0) : cell
            }.joined()
        }.joined(separator: "\n")
    }
}
