import Alerting
import Config
import Diagnosis
import CurlClient
import Investigation
import Notify
import Pages
import Store
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
    let config = options.config
    let logger = options.logger
    let metrics = PullDoctorMetrics(version: BuildInfo.version, revision: BuildInfo.revision)
    let state = ServerState(config: config, configPath: options.configPath, metrics: metrics, logger: logger)
    let store: Store
    do {
        store = try Store(configuration: StoreConfiguration(
            path: config.store.path,
            retention: RetentionPolicy(maxAge: config.store.retention, maxRowsPerTable: config.store.maxRows)))
    } catch {
        throw ConfigError(reason: .unreadable, field: "store.path", problem: "cannot open the store at \"\(config.store.path)\": \(error)")
    }
    for sink in config.sinks { metrics.registerSink(sink.name) }

    let transport = CurlClient()
    let ids = AlertIDs()
    let recorder = DiagnosisRecorder(store: store, ids: ids, sinks: config.sinks, externalURL: config.web.externalURL,
                                     metrics: metrics, logger: logger)
    let onDiagnosis = options.onDiagnosis
    let worker = DiagnosisPipeline.make(config: config, transport: transport, metrics: metrics, logger: logger) { report, alerts in
        await recorder.record(report, alerts: alerts)
        await onDiagnosis(report, alerts)
    }
    let queuedAlerts = metrics.workInFlight("queued_alerts")
    let diagnosisBatches = metrics.workInFlight("diagnosis_batches")
    let queue = AlertQueue(capacity: 10_000, observe: { queued, batches in
        queuedAlerts.set(Double(queued))
        diagnosisBatches.set(Double(batches))
    }) { payload in await worker.handle(payload) }
    let intake = StoreIntake(store: store, ids: ids, queue: queue, resends: ResendThrottle(interval: config.diagnosis.reuseFor),
                             metrics: metrics, logger: logger)
    let router = Router(context: BasicRequestContext.self)
    router.middlewares.add(RequestTimingMiddleware(metrics: metrics))
    WebhookRoute(state: state, intake: intake).register(on: router)
    MetricsRoute(metrics: metrics).register(on: router)
    LifecycleRoutes(state: state).register(on: router)
    PagesRoutes(store: store, externalURL: config.web.externalURL, authorize: { request in
        // Read per request, so a reloaded auth setting applies to the pages at once.
        guard let auth = state.config.web.auth, let failure = RequestAuthenticator(config: auth).check(request.headers) else { return nil }
        return ErrorResponse.unauthorized(failure, basic: auth.basicAuth != nil)
    }).register(on: router)

    guard let address = ListenAddress(config.web.listenAddress) else {
        throw ConfigError(reason: .invalidValue, field: "web.listen_address",
                          problem: "\"\(config.web.listenAddress)\" is not host:port")
    }
    let onListening = options.onListening
    var app = Application(
        router: router,
        configuration: .init(address: .hostname(address.host, port: address.port), serverName: nil),
        onServerRunning: { channel in
            await onListening(channel.localAddress?.port ?? address.port)
        },
        logger: logger
    )
    var services: [any Service] = [queue, HangupReloader(state: state), StoreMaintenance(store: store, metrics: metrics, logger: logger)]
    services.append(ResumeSweep(store: store, ids: ids, queue: queue, interval: .seconds(60), logger: logger))
    if !config.sinks.isEmpty {
        let delivery = config.delivery
        services.append(DeliveryWorker(
            store: store, sinks: config.sinks, transport: transport,
            options: .init(maxAge: delivery.maxAge, initialBackoff: delivery.initialBackoff, maxBackoff: delivery.maxBackoff,
                           pollInterval: delivery.pollInterval),
            observer: DeliveryMetricsObserver(metrics: metrics), logger: logger))
        services.append(RepeatSweep(store: store, sinks: config.sinks, logger: logger))
    }
    app.addServices(services)
    return app
}
