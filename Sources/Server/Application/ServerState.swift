import Config
import Foundation
import Logging
import Synchronization
import Telemetry

/// What the running server shares across requests: the current configuration (swapped on reload),
/// metrics and the logger.
public final class ServerState: Sendable {
    /// The configuration in force. Replaced whole by a successful reload; a failed reload keeps it.
    public var config: PullDoctorConfig { current.withLock { $0 } }
    /// The file the configuration came from; nil when running on defaults.
    public let configPath: String?
    public let metrics: PullDoctorMetrics
    public let logger: Logger
    private let current: Mutex<PullDoctorConfig>
    private let loader: ConfigLoader

    public init(config: PullDoctorConfig, configPath: String?, metrics: PullDoctorMetrics, logger: Logger,
                loader: ConfigLoader = ConfigLoader()) {
        self.current = Mutex(config)
        self.configPath = configPath
        self.metrics = metrics
        self.logger = logger
        self.loader = loader
        metrics.configReloadTimestamp.set(Date().timeIntervalSince1970)
    }

    /// Re-reads the configuration file. A bad file is rejected and logged; the old configuration stays.
    /// Settings that need a restart (the listen address) are kept as they were, with a warning.
    @discardableResult
    public func reload() throws(ConfigError) -> PullDoctorConfig {
        guard let configPath else { return config }
        do {
            var next = try loader.load(path: configPath)
            let old = config
            if next.web.listenAddress != old.web.listenAddress {
                logger.warning("listen address changes take effect on restart", metadata: [
                    "pulldoctor.config.listen_address": "\(old.web.listenAddress)",
                ])
                next.web.listenAddress = old.web.listenAddress
            }
            current.withLock { $0 = next }
            metrics.configReloadSuccessful.set(1.0)
            metrics.configReloadTimestamp.set(Date().timeIntervalSince1970)
            logger.info("configuration reloaded", metadata: ["pulldoctor.config.file": "\(configPath)"])
            return next
        } catch {
            metrics.configReloadSuccessful.set(0.0)
            logger.error("configuration reload failed; keeping the previous configuration", metadata: [
                "pulldoctor.config.file": "\(configPath)", "error": "\(error)",
            ])
            throw error
        }
    }
}
