import Config
import Hummingbird
import Logging
import ServiceLifecycle
import Telemetry

/// Everything `buildApplication` needs; `main` and the tests fill it the same way.
public struct ServerOptions: Sendable {
    public var config: PullDoctorConfig
    /// The config file, for `POST /-/reload` and SIGHUP; nil when running on defaults.
    public var configPath: String?
    public var logger: Logger
    /// Called once the server listens, with the bound port (useful with port 0).
    public var onListening: @Sendable (Int) async -> Void

    public init(config: PullDoctorConfig, configPath: String? = nil, logger: Logger,
                onListening: @escaping @Sendable (Int) async -> Void = { _ in }) {
        self.config = config
        self.configPath = configPath
        self.logger = logger
        self.onListening = onListening
    }
}

/// Wires the HTTP server and its background services. Used by `pulldoctor serve` and by the tests,
/// so tests run what users run.
public func buildApplication(_ options: ServerOptions) throws -> some ApplicationProtocol {
    let metrics = PullDoctorMetrics(version: BuildInfo.version, revision: BuildInfo.revision)
    let state = ServerState(
        config: options.config, configPath: options.configPath, metrics: metrics, logger: options.logger)
    let intake = AlertQueue(capacity: 10_000, logger: options.logger)
    let router = Router(context: BasicRequestContext.self)
    router.middlewares.add(RequestTimingMiddleware(metrics: metrics))
    WebhookRoute(state: state, intake: intake).register(on: router)
    MetricsRoute(metrics: metrics).register(on: router)
    LifecycleRoutes(state: state).register(on: router)

    guard let address = ListenAddress(options.config.web.listenAddress) else {
        throw ConfigError(reason: .invalidValue, field: "web.listen_address",
                          problem: "\"\(options.config.web.listenAddress)\" is not host:port")
    }
    let onListening = options.onListening
    var app = Application(
        router: router,
        configuration: .init(address: .hostname(address.host, port: address.port), serverName: nil),
        onServerRunning: { channel in
            await onListening(channel.localAddress?.port ?? address.port)
        },
        logger: options.logger
    )
    app.addServices(intake, HangupReloader(state: state))
    return app
}
