import Alerting
import Logging
import ServiceLifecycle

/// Where accepted webhook payloads go. The webhook answers 2xx only when `accept` returns.
public protocol AlertIntake: Sendable {
    /// Takes ownership of a validated payload, or throws when it cannot (the webhook answers 503).
    func accept(_ payload: WebhookPayload) async throws
}

/// Why the intake refused a payload.
public struct IntakeError: Error, Sendable, CustomStringConvertible {
    public enum Reason: String, Sendable { case full, stopped }
    public let reason: Reason
    public var description: String {
        switch reason {
        case .full: return "the alert queue is full"
        case .stopped: return "PullDoctor is shutting down"
        }
    }
}

/// A bounded in-memory queue between the webhook and the background work, run as a Service.
/// The consumer logs each alert; the diagnosis worker takes its place in a later stage.
final class AlertQueue: AlertIntake, Service {
    private let stream: AsyncStream<WebhookPayload>
    private let continuation: AsyncStream<WebhookPayload>.Continuation
    private let logger: Logger

    init(capacity: Int, logger: Logger) {
        (stream, continuation) = AsyncStream.makeStream(of: WebhookPayload.self, bufferingPolicy: .bufferingOldest(capacity))
        self.logger = logger
    }

    func accept(_ payload: WebhookPayload) async throws {
        switch continuation.yield(payload) {
        case .enqueued: return
        case .dropped: throw IntakeError(reason: .full)
        case .terminated: throw IntakeError(reason: .stopped)
        @unknown default: throw IntakeError(reason: .stopped)
        }
    }

    func run() async throws {
        // Drain what was accepted before the shutdown signal, then stop.
        await withGracefulShutdownHandler {
            for await payload in stream {
                for alert in payload.alerts {
                    logger.info("alert received", metadata: [
                        "pulldoctor.alertname": "\(alert.labels["alertname"] ?? "")",
                        "pulldoctor.namespace": "\(alert.labels["namespace"] ?? "")",
                        "pulldoctor.pod": "\(alert.labels["pod"] ?? "")",
                        "pulldoctor.status": "\(alert.status.rawValue)",
                        "pulldoctor.fingerprint": "\(alert.fingerprint)",
                    ])
                }
            }
        } onGracefulShutdown: { [continuation] in
            continuation.finish()
        }
    }
}
