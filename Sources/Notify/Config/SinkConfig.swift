import CurlClient
import Foundation

/// One entry of the `sinks:` list: where notifications go and which ones.
///
/// ```yaml
/// sinks:
///   - name: platform-slack
///     type: slack                      # webhook | slack | msteams | alertmanager
///     url_file: /etc/pulldoctor/slack-webhook-url   # or url: ${SLACK_URL}; a credential, never logged
///     matchers: ['namespace=~"shop|cart"', 'category!="never_pull"']
///     renotify_interval: 4h
/// ```
///
/// Decoding is strict (an unknown key fails with its path) and reads `*_file` secrets and templates at
/// load time, so a missing file fails start-up rather than the first delivery. Problems are thrown as
/// `DecodingError.dataCorrupted` with the key's coding path, which the configuration loader turns into a
/// `file:line: sinks[0].field: problem` message.
public struct SinkConfig: Sendable, Equatable, CustomStringConvertible {
    /// The kinds of sink.
    public enum Kind: String, Sendable, CaseIterable {
        /// Alertmanager-compatible webhook body with the diagnosis added.
        case webhook
        /// Slack incoming webhook, Block Kit message.
        case slack
        /// Microsoft Teams Workflows webhook, Adaptive Card.
        case msteams
        /// Alertmanager's `/api/v2/alerts`: the enriched alerts posted back.
        case alertmanager
    }

    /// A header added to every request. The value may be a credential and is never printed.
    public struct Header: Sendable, Equatable {
        public var name: String
        public var value: Secret
        public init(name: String, value: Secret) {
            self.name = name
            self.value = value
        }
    }

    /// A basic-auth pair.
    public struct BasicAuth: Sendable, Equatable {
        public var username: String
        public var password: Secret
        public init(username: String, password: Secret) {
            self.username = username
            self.password = password
        }
    }

    /// Unique name: the `sink` label of metrics, and the key of deliveries. Required.
    public var name: String
    /// The kind of sink. Required.
    public var type: Kind
    /// Where to send: `url` inline (usually `${ENV}`) or `url_file`. Required. Slack and Teams webhook
    /// URLs are credentials, so the URL is a ``Secret`` everywhere.
    public var url: Secret
    /// Extra request headers (`headers:` mapping), sorted by name. Default none.
    public var headers: [Header]
    /// `bearer_token` or `bearer_token_file`. Default none.
    public var bearerToken: Secret?
    /// `basic_auth: {username, password | password_file}`. Default none.
    public var basicAuth: BasicAuth?
    /// Notify when the incident resolves. Default true.
    public var sendResolved: Bool
    /// Re-send an unchanged diagnosis after this long while the incident fires. Default 4h.
    public var renotifyInterval: Duration
    /// Only notifications matching all of these (Alertmanager matcher syntax). Default none: all.
    public var matchers: [Matcher]
    /// Deadline of one delivery attempt. Default 10s.
    public var timeout: Duration
    /// Most deliveries to this sink in flight at once (for the delivery worker). Default 4.
    public var maxConcurrency: Int
    /// Message text templates (Slack and Teams only): `template_file` (the text) and `templates:`
    /// (`title`, `text`, or their `*_file`). Nil: the built-in defaults of the type.
    public var templates: MessageTemplates?

    public init(
        name: String, type: Kind, url: Secret, headers: [Header] = [], bearerToken: Secret? = nil,
        basicAuth: BasicAuth? = nil, sendResolved: Bool = true, renotifyInterval: Duration = SinkConfig.defaultRenotifyInterval,
        matchers: [Matcher] = [], timeout: Duration = SinkConfig.defaultTimeout,
        maxConcurrency: Int = SinkConfig.defaultMaxConcurrency, templates: MessageTemplates? = nil
    ) {
        self.name = name
        self.type = type
        self.url = url
        self.headers = headers
        self.bearerToken = bearerToken
        self.basicAuth = basicAuth
        self.sendResolved = sendResolved
        self.renotifyInterval = renotifyInterval
        self.matchers = matchers
        self.timeout = timeout
        self.maxConcurrency = maxConcurrency
        self.templates = templates
    }

    public static let defaultRenotifyInterval: Duration = .seconds(4 * 3600)
    public static let defaultTimeout: Duration = .seconds(10)
    public static let defaultMaxConcurrency = 4
    /// How many re-notify intervals an Alertmanager sink's firing alerts stay alive without a refresh.
    public static let alertmanagerKeepAliveIntervals = 3

    /// How far ahead an `alertmanager` sink sets `endsAt` while the incident fires: three re-notify
    /// intervals, so two missed repeats do not end the alert.
    public var alertmanagerKeepAlive: Duration { renotifyInterval * Self.alertmanagerKeepAliveIntervals }

    /// The routing rule of this sink.
    public var route: SinkRoute {
        SinkRoute(sink: name, matchers: matchers, sendResolved: sendResolved, renotifyInterval: renotifyInterval)
    }

    /// The HTTP endpoint of this sink.
    public var endpoint: SinkEndpoint {
        SinkEndpoint(
            url: url, headers: headers.map { ($0.name, $0.value) }, bearerToken: bearerToken,
            basicAuth: basicAuth.map { ($0.username, $0.password) }, timeout: timeout)
    }

    /// The notifier of this sink: the one line to touch when adding a kind.
    public func makeNotifier(transport: any HTTPTransport, now: @escaping @Sendable () -> Date = { Date() }) -> any Notifier {
        switch type {
        case .webhook:
            WebhookNotifier(endpoint: endpoint, transport: transport)
        case .slack:
            SlackNotifier(endpoint: endpoint, templates: templates ?? .slackDefaults(), transport: transport)
        case .msteams:
            TeamsNotifier(endpoint: endpoint, templates: templates ?? .teamsDefaults(), transport: transport)
        case .alertmanager:
            AlertmanagerNotifier(
                endpoint: endpoint, keepAlive: alertmanagerKeepAlive,
                transport: transport, now: now)
        }
    }

    /// Names each sink that appears more than once in a list, or nil when all names are unique.
    public static func duplicateNamesProblem(_ sinks: [SinkConfig]) -> String? {
        var seen = Set<String>()
        let duplicates = sinks.map(\.name).filter { !seen.insert($0).inserted }
        guard !duplicates.isEmpty else { return nil }
        return "sink names must be unique; repeated: " + Set(duplicates).sorted().joined(separator: ", ")
    }

    /// Names the sink, its type and host; never the URL's path, a header value or a credential.
    public var description: String {
        let host = URLComponents(string: url.value)?.host ?? "?"
        return "SinkConfig(name: \(name), type: \(type.rawValue), host: \(host), headers: \(headers.map(\.name)), "
            + "auth: \(bearerToken != nil ? "bearer" : basicAuth != nil ? "basic" : "none"), matchers: \(matchers), "
            + "send_resolved: \(sendResolved), renotify_interval: \(renotifyInterval), timeout: \(timeout), "
            + "max_concurrency: \(maxConcurrency), templates: \(templates == nil ? "default" : "custom"))"
    }
}
