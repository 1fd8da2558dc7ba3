import Alerting
import Config
import Diagnosis
import CurlClient
import Investigation
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
    /// Called with every diagnosis (tests and the demo watch them here).
    public var onDiagnosis: DiagnosisWorker.Sink

    public init(config: PullDoctorConfig, configPath: String? = nil, logger: Logger,
                onListening: @escaping @Sendable (Int) async -> Void = { _ in },
                onDiagnosis: @escaping DiagnosisWorker.Sink = { _, _ in }) {
        self.config = config
        self.configPath = configPath
        self.logger = logger
        self.onListening = onListening
        self.onDiagnosis = onDiagnosis
    }
}

/// Wires the HTTP server and its background services. Used by `pulldoctor serve` and by the tests,
/// so tests run what users run.
public func buildApplication(_ options: ServerOptions) throws -> some ApplicationProtocol {
    let metrics = PullDoctorMetrics(version: BuildInfo.version, revision: BuildInfo.revision)
    let state = ServerState(
        config: options.config, configPath: options.configPath, metrics: metrics, logger: options.logger)
    let transport = CurlClient()
    let worker = DiagnosisPipeline.make(
        config: options.config, transport: transport, metrics: metrics, logger: options.logger, sink: options.onDiagnosis)
    let logger = options.logger
    let intake = AlertQueue(capacity: 10_000) { payload in
        guard let worker else {
            for alert in payload.alerts {
                logger.info("alert received", metadata: [
                    "pulldoctor.alertname": "\(alert.labels["alertname"] ?? "")", "pulldoctor.namespace": "\(alert.labels["namespace"] ?? "")",
                    "pulldoctor.pod": "\(alert.labels["pod"] ?? "")", "pulldoctor.status": "\(alert.status.rawValue)",
                ])
            }
            return
        }
        await worker.handle(payload)
    }
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
