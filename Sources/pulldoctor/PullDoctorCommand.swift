import ArgumentParser
import Server

/// `pulldoctor`: the entry point. Subcommands only parse arguments and call into the libraries.
@main
struct PullDoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pulldoctor",
        abstract: "Diagnoses Kubernetes image-pull failures from Alertmanager webhooks.",
        version: "pulldoctor \(BuildInfo.version) (revision \(BuildInfo.revision))",
        subcommands: [ServeCommand.self, CheckConfigCommand.self],
        defaultSubcommand: ServeCommand.self
    )
}
