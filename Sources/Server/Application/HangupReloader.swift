import ServiceLifecycle
import UnixSignals

/// Reloads the configuration on SIGHUP, as Prometheus and Alertmanager do.
struct HangupReloader: Service {
    let state: ServerState

    func run() async throws {
        let hangups = await UnixSignalsSequence(trapping: .sighup)
        for await _ in hangups.cancelOnGracefulShutdown() {
            _ = try? state.reload()
        }
    }
}
