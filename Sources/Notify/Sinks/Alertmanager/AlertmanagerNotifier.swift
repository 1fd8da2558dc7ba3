import CurlClient
import Foundation

/// Posts the enriched alerts back to an Alertmanager (`POST /api/v2/alerts`), so teams that route
/// everything through Alertmanager get the diagnosis in their existing receivers and silences.
///
/// The copies carry `pulldoctor_category` and the ``LoopGuard`` label. While the incident fires their
/// `endsAt` lies `keepAlive` ahead (three re-notify intervals by default): each re-notification pushes it
/// further, and if PullDoctor stops, Alertmanager resolves them by itself. A resolved incident posts
/// `endsAt = now`, which resolves them at once.
public struct AlertmanagerNotifier: Notifier {
    /// The API path appended to the configured base URL.
    public static let apiPath = "/api/v2/alerts"

    public let endpoint: SinkEndpoint
    /// How far ahead `endsAt` is set for a firing incident.
    public let keepAlive: Duration
    private let transport: any HTTPTransport
    private let now: @Sendable () -> Date

    /// - Parameters:
    ///   - endpoint: the Alertmanager base URL (`http://alertmanager:9093`); a URL already ending in
    ///     `/api/v2/alerts` is used as is.
    ///   - keepAlive: how far ahead `endsAt` is set while firing; make it a few re-notify intervals.
    ///   - now: the clock (tests pin it).
    public init(
        endpoint: SinkEndpoint, keepAlive: Duration, transport: any HTTPTransport,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.endpoint = endpoint.with(url: Self.alertsURL(base: endpoint.url.value))
        self.keepAlive = keepAlive
        self.transport = transport
        self.now = now
    }

    public func send(_ notification: IncidentNotification) async -> DeliveryResult {
        let alerts = PostableAlert.enriched(notification, now: now(), keepAlive: keepAlive)
        guard !alerts.isEmpty else {
            // A notification without alerts is a caller's bug: say so rather than claim a delivery.
            return .failed(DeliveryFailure(reason: .invalid, detail: "the notification holds no alerts"))
        }
        guard let body = try? JSONCoding.encode(alerts) else {
            return .failed(DeliveryFailure(reason: .invalid, detail: "the alerts could not be encoded as JSON"))
        }
        return await endpoint.post(body, for: notification, via: transport)
    }

    /// `base` + `/api/v2/alerts`, with one slash between, unless `base` already ends with the API path.
    static func alertsURL(base: String) -> String {
        var url = base
        while url.hasSuffix("/") { url.removeLast() }
        return url.hasSuffix(apiPath) ? url : url + apiPath
    }
}
