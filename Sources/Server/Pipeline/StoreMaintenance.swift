import Logging
import ServiceLifecycle
import Store
import Telemetry

/// Prunes the store on a timer, in small batches that never hold the writer for long.
struct StoreMaintenance: Service {
    let store: Store
    let metrics: PullDoctorMetrics
    let logger: Logger

    func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(300)) }
            guard !Task.isShuttingDownGracefully else { break }
            do {
                _ = try await store.prune()
            } catch {
                metrics.storeErrors(reason: error.reason.rawValue).increment()
                logger.warning("store pruning failed; will retry", metadata: ["error": "\(error)"])
            }
        }
    }
}
