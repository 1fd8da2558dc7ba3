import ArgumentParser
import Server

import Foundation

/// The entry point: `kubectl-pulldoctor` (the kubectl plugin, the same binary under another name) or
/// `pulldoctor`. Subcommands only parse arguments and call into the libraries.
@main
enum Entry {
    static func main() async {
        let invokedAs = URL(fileURLWithPath: CommandLine.arguments.first ?? "pulldoctor").lastPathComponent
        if invokedAs == "kubectl-pulldoctor" {
            await KubectlPluginCommand.main()
        } else {
            await PullDoctorCommand.main()
        }
    }
}

/// `pulldoctor`.
struct PullDoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pulldoctor",
        abstract: "Diagnoses Kubernetes image-pull failures from Alertmanager webhooks.",
        version: "pulldoctor \(BuildInfo.version) (revision \(BuildInfo.revision))",
        subcommands: [ServeCommand.self, CheckConfigCommand.self, DiagnoseCommand.self],
        defaultSubcommand: ServeCommand.self
    )
}
