import ArgumentParser
import Config
import Logging
import Hummingbird
import Server
import ServiceLifecycle
import Telemetry

/// `pulldoctor serve`: run the webhook receiver until SIGTERM or SIGINT.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Run the Alertmanager webhook receiver (the default command).")

    @Option(name: .customLong("config.file"), help: "YAML configuration file. Without it, the documented defaults apply.")
    var configFile: String?

    @Option(name: .customLong("web.listen-address"), help: "Address to listen on (host:port). Default from the config: 0.0.0.0:9095.")
    var listenAddress: String?

    @Option(name: .customLong("store.path"), help: "SQLite database file. Default from the config: data/pulldoctor.sqlite.")
    var storePath: String?

    @Option(name: .customLong("log.level"), help: "debug, info, warn or error. Default from the config: info.")
    var logLevel: LogConfig.Level?

    @Option(name: .customLong("log.format"), help: "logfmt or json. Default from the config: logfmt.")
    var logFormat: LogConfig.Format?

    func run() async throws {
        var config: PullDoctorConfig
        do {
            config = try configFile.map { try ConfigLoader().load(path: $0) } ?? PullDoctorConfig()
        } catch {
            printError("pulldoctor: \(error)")
            throw ExitCode(2)
        }
        if let listenAddress {
            guard ListenAddress(listenAddress) != nil else {
                printError("pulldoctor: --web.listen-address: \"\(listenAddress)\" is not host:port")
                throw ExitCode(2)
            }
            config.web.listenAddress = listenAddress
        }
        if let storePath { config.store.path = storePath }
        if let logLevel { config.log.level = logLevel }
        if let logFormat { config.log.format = logFormat }

        let logger = LoggingSetup.bootstrap(config.log)
        logger.info("starting PullDoctor", metadata: [
            "pulldoctor.version": "\(BuildInfo.version)", "pulldoctor.listen_address": "\(config.web.listenAddress)",
            "pulldoctor.config.file": "\(configFile ?? "(defaults)")",
        ])
        let app: any ApplicationProtocol
        do {
            app = try buildApplication(ServerOptions(
                config: config, configPath: configFile, logger: logger,
                onListening: { port in logger.info("listening", metadata: ["pulldoctor.port": "\(port)"]) }))
        } catch {
            printError("pulldoctor: \(error)")
            throw ExitCode(2)
        }
        let group = ServiceGroup(configuration: .init(
            services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        logger.info("stopped")
    }
}

extension LogConfig.Level: ExpressibleByArgument {}
extension LogConfig.Format: ExpressibleByArgument {}
