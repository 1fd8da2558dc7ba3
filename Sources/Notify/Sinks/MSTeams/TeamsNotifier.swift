import CurlClient

/// Posts an Adaptive Card to a Microsoft Teams Workflows (Power Automate) webhook, in the
/// `{"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive",...}]}`
/// envelope those webhooks take. The webhook URL is the credential and is never logged.
///
/// Teams rejects messages of about 28 KB and more, so the body is kept under ``maxBodyBytes``: a card too
/// big is rebuilt with less detail (fewer quotes, steps and pods, shorter text) and a pointer to the page.
public struct TeamsNotifier: Notifier {
    /// Largest body sent, in bytes of encoded JSON.
    public static let maxBodyBytes = 28_000

    public let endpoint: SinkEndpoint
    public let templates: MessageTemplates
    private let transport: any HTTPTransport

    public init(endpoint: SinkEndpoint, templates: MessageTemplates = .teamsDefaults(), transport: any HTTPTransport) {
        self.endpoint = endpoint
        self.templates = templates
        self.transport = transport
    }

    public func send(_ notification: IncidentNotification) async -> DeliveryResult {
        guard let body = Self.body(for: notification, rendered: templates.render(notification)) else {
            return .failed(DeliveryFailure(reason: .invalid, detail: "the Adaptive Card could not be encoded within \(Self.maxBodyBytes) bytes"))
        }
        return await endpoint.post(body, for: notification, via: transport)
    }

    /// The encoded message at the richest level of detail that fits ``maxBodyBytes``; nil only if even the
    /// smallest card does not (it cannot: its texts are all clipped) or encoding fails.
    static func body(for notification: IncidentNotification, rendered: MessageTemplates.Rendered) -> [UInt8]? {
        for (index, detail) in AdaptiveCard.Detail.levels.enumerated() {
            let card = AdaptiveCard(notification: notification, rendered: rendered, detail: detail, shortened: index > 0)
            guard let body = try? JSONCoding.encode(TeamsMessage(card: card, idempotencyKey: notification.idempotencyKey)) else { return nil }
            if body.count <= maxBodyBytes { return body }
        }
        return nil
    }
}
