import ArgumentParser
import Config

/// `pulldoctor check-config FILE`: validate a configuration file, as `amtool check-config` does.
struct CheckConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config", abstract: "Check configuration files and print what is wrong, with line numbers.")

    @Argument(help: "Configuration files to check.")
    var files: [String]

    func run() throws {
        var failed = false
        for file in files {
            do {
                let config = try ConfigLoader().load(path: file)
                print("Checking '\(file)'  SUCCESS")
                print("  listen address: \(config.web.listenAddress); auth: \(config.web.auth == nil ? "none" : config.web.auth?.bearerToken != nil ? "bearer token" : "basic")")
            } catch {
                print("Checking '\(file)'  FAILED: \(error)")
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }
}
