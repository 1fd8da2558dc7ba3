import ArgumentParser
import Config
import Diagnosis
import Foundation
import Server

/// `pulldoctor diagnose`: the server's diagnosis of one pod, from the command line.
struct DiagnoseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diagnose", abstract: "Diagnose why a pod cannot pull its image, against the cluster kubectl would use.")

    @OptionGroup var cluster: ClusterOptions

    @Option(name: [.customShort("n"), .customLong("namespace")], help: "The pod's namespace.")
    var namespace: String = "default"

    @Option(name: .customLong("container"), help: "The container (default: the first one failing to pull).")
    var container: String?

    @Argument(help: "The pod.")
    var pod: String

    func run() async throws {
        let report = try await cluster.diagnose(namespace: namespace, pod: pod, container: container)
        try cluster.print(report)
        if report.verdict == .imagePull && report.category != .unknown { throw ExitCode(1) }
    }
}

/// Flags shared by `diagnose` and the kubectl plugin, named as kubectl names them.
struct ClusterOptions: ParsableArguments {
    @Option(name: .customLong("kubeconfig"), help: "Path to the kubeconfig file (default: as kubectl finds it).")
    var kubeconfig: String?

    @Option(name: .customLong("context"), help: "The kubeconfig context to use.")
    var context: String?

    @Option(name: .customLong("config.file"), help: "PullDoctor's config file (probe and deadline settings).")
    var configFile: String?

    @Flag(name: .customLong("no-probe"), help: "Do not probe the registry.")
    var noProbe = false

    @Option(name: [.customShort("o"), .customLong("output")], help: "text or json.")
    var output: OutputFormat = .text

    enum OutputFormat: String, ExpressibleByArgument { case text, json }

    func config() throws -> PullDoctorConfig {
        var config: PullDoctorConfig
        do {
            config = try configFile.map { try ConfigLoader().load(path: $0) } ?? PullDoctorConfig()
        } catch {
            printError("pulldoctor: \(error)")
            throw ExitCode(2)
        }
        if let kubeconfig { config.kubernetes.kubeconfig = kubeconfig }
        if let context { config.kubernetes.context = context }
        if noProbe { config.diagnosis.probe.enabled = false }
        return config
    }

    func diagnose(namespace: String, pod: String, container: String?) async throws -> DiagnosisReport {
        do {
            return try await OnDemandDiagnosis.run(config: try config(), namespace: namespace, pod: pod, container: container)
        } catch let error as ExitCode {
            throw error
        } catch {
            printError("pulldoctor: \(error)")
            throw ExitCode(2)
        }
    }

    func print(_ report: DiagnosisReport) throws {
        switch output {
        case .text: Swift.print(report.text)
        case .json: Swift.print(String(decoding: report.json(), as: UTF8.self))
        }
    }
}
