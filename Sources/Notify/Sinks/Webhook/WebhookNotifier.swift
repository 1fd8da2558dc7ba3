import CurlClient

/// POSTs an Alertmanager-compatible webhook body (version "4") with the diagnosis added, so any existing
/// Alertmanager webhook consumer can sit behind PullDoctor unchanged (see ``EnrichedWebhookPayload``).
///
/// Sends `Idempotency-Key`, the optional bearer or basic credentials and the configured headers.
public struct WebhookNotifier: Notifier {
    public let endpoint: SinkEndpoint
    private let transport: any HTTPTransport

    public init(endpoint: SinkEndpoint, transport: any HTTPTransport) {
        self.endpoint = endpoint
        self.transport = transport
    }

    public func send(_ notification: IncidentNotification) async -> DeliveryResult {
        guard let body = try? JSONCoding.encode(EnrichedWebhookPayload(notification)) else {
            return .failed(DeliveryFailure(reason: .invalid, detail: "the webhook body could not be encoded as JSON"))
        }
        return await endpoint.post(body, for: notification, via: transport)
    }
}
