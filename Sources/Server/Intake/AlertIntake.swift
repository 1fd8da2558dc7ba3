import Alerting
import ServiceLifecycle

/// Where accepted webhook payloads go. The webhook answers 2xx only when `accept` returns.
public protocol AlertIntake: Sendable {
    /// Takes ownership of a validated payload (and its raw body, kept as received), or throws when it
    /// cannot (the webhook answers 503).
    func accept(_ payload: WebhookPayload, body: [UInt8]) async throws
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
/// Each payload goes to `consumer` (the diagnosis worker), several at once; the worker bounds its own work.
final class AlertQueue: Service {
    private let stream: AsyncStream<WebhookPayload>
    private let continuation: AsyncStream<WebhookPayload>.Continuation
    private let consumer: @Sendable (WebhookPayload) async -> Void

    init(capacity: Int, consumer: @escaping @Sendable (WebhookPayload) async -> Void) {
        (stream, continuation) = AsyncStream.makeStream(of: WebhookPayload.self, bufferingPolicy: .bufferingOldest(capacity))
        self.consumer = consumer
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
            await withDiscardingTaskGroup { group in
                for await payload in stream {
                    group.addTask { await self.consumer(payload) }
                }
            }
        } onGracefulShutdown: { [continuation] in
            continuation.finish()
        }
    }
}
