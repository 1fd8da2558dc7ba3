import CurlClient

/// Posts a Block Kit message to a Slack incoming webhook (https://api.slack.com/messaging/webhooks).
///
/// The webhook URL is the credential: it lives in ``SinkEndpoint/url`` as a ``Secret`` and never reaches
/// a description, an error or a log. Slack answers 200 `ok`, or 4xx with a short reason (`invalid_blocks`,
/// `no_service`, `channel_is_archived`) that ends up in the failure's detail.
public struct SlackNotifier: Notifier {
    public let endpoint: SinkEndpoint
    public let templates: MessageTemplates
    private let transport: any HTTPTransport

    public init(endpoint: SinkEndpoint, templates: MessageTemplates = .slackDefaults(), transport: any HTTPTransport) {
        self.endpoint = endpoint
        self.templates = templates
        self.transport = transport
    }

    public func send(_ notification: IncidentNotification) async -> DeliveryResult {
        let message = SlackMessage(notification: notification, rendered: templates.render(notification))
        guard let body = try? JSONCoding.encode(message) else {
            return .failed(DeliveryFailure(reason: .invalid, detail: "the Slack message could not be encoded as JSON"))
        }
        return await endpoint.post(body, for: notification, via: transport)
    }
}
