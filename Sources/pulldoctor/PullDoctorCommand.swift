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
            await run(KubectlPluginCommand.self)
        } else {
            await run(PullDoctorCommand.self)
        }
    }

    /// Runs a command tree; usage errors exit 2 (ArgumentParser's default is 64), as the CLI documents.
    static func run<Root: AsyncParsableCommand>(_ root: Root.Type) async {
        do {
            var command = try root.parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if root.exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((root.fullMessage(for: error) + "\n").utf8))
                root.exit(withError: ExitCode(2))
            }
            root.exit(withError: error)
        }
    }
}

/// `pulldoctor`.
struct PullDoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pulldoctor",
        abstract: "Diagnoses Kubernetes image-pull failures from Alertmanager webhooks.",
        version: "pulldoctor \(BuildInfo.version) (revision \(BuildInfo.revision))",
        subcommands: [ServeCommand.self, CheckConfigCommand.self, DiagnoseCommand.self, ProbeCommand.self, ClassifyCommand.self, DemoCommand.self],
        defaultSubcommand: ServeCommand.self
    )
}
