import Foundation
import Testing
@testable import Notify

/// The sink configuration decodes strictly. YAML and JSON reach `Decodable` the same way, so the tests
/// feed JSON (the Notify target does not link a YAML parser).
@Suite("Sink configuration")
struct SinkConfigTests {
    static func decode(_ json: String, base: String? = nil) throws -> SinkConfig {
        try SinkConfig.$baseDirectory.withValue(base ?? FileManager.default.currentDirectoryPath) {
            try JSONDecoder().decode(SinkConfig.self, from: Data(json.utf8))
        }
    }

    /// The coding path and message of a decoding failure.
    static func failure(_ json: String, base: String? = nil) -> (path: String, problem: String)? {
        do {
            _ = try decode(json, base: base)
            return nil
        } catch DecodingError.dataCorrupted(let context) {
            return (context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: "."), context.debugDescription)
        } catch {
            return ("?", "\(error)")
        }
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("notify-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("defaults")
    func defaults() throws {
        let config = try Self.decode(#"{"name": "hook", "type": "webhook", "url": "https://example.com/hook"}"#)
        #expect(config.sendResolved)
        #expect(config.renotifyInterval == .seconds(4 * 3600))
        #expect(config.timeout == .seconds(10))
        #expect(config.maxConcurrency == 4)
        #expect(config.matchers.isEmpty && config.headers.isEmpty && config.templates == nil)
        #expect(config.bearerToken == nil && config.basicAuth == nil)
    }

    @Test("every field, secrets from files relative to the base directory")
    func everything() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "https://hooks.slack.com/services/T0/B0/SECRETPATH\n".write(to: folder.appendingPathComponent("url"), atomically: true, encoding: .utf8)
        try "tok-123\n".write(to: folder.appendingPathComponent("token"), atomically: true, encoding: .utf8)
        try "*{{summary}}* custom".write(to: folder.appendingPathComponent("text.mustache"), atomically: true, encoding: .utf8)
        let config = try Self.decode(#"""
            {"name": "team-slack", "type": "slack", "url_file": "url", "bearer_token_file": "token",
             "headers": {"X-Team": "platform", "X-Api-Key": "k"}, "send_resolved": false, "renotify_interval": "1h30m",
             "matchers": ["namespace=~\"shop|cart\"", "{category!=\"never_pull\", severity=\"warning\"}"],
             "timeout": "2500ms", "max_concurrency": 2, "template_file": "text.mustache",
             "templates": {"title": "{{cause}}!"}}
            """#, base: folder.path)
        #expect(config.url.value == "https://hooks.slack.com/services/T0/B0/SECRETPATH")
        #expect(config.bearerToken?.value == "tok-123")
        #expect(config.headers.map(\.name) == ["X-Api-Key", "X-Team"])
        #expect(!config.sendResolved)
        #expect(config.renotifyInterval == .seconds(5400))
        #expect(config.matchers.map(\.description) == ["namespace=~\"shop|cart\"", "category!=\"never_pull\"", "severity=\"warning\""])
        #expect(config.timeout == .milliseconds(2500))
        #expect(config.maxConcurrency == 2)
        #expect(config.templates?.text.source == "*{{summary}}* custom")
        #expect(config.templates?.text.format == .slackMrkdwn)
        #expect(config.templates?.title.source == "{{cause}}!")
        #expect(config.route == SinkRoute(sink: "team-slack", matchers: config.matchers, sendResolved: false, renotifyInterval: .seconds(5400)))
    }

    @Test("invalid configurations name the field", arguments: [
        (#"{"name": "a", "type": "webhook", "url": "http://x/", "urll": "y"}"#, "urll", "unknown field \"urll\""),
        (#"{"type": "webhook", "url": "http://x/"}"#, "name", "name"),
        (#"{"name": "a b", "type": "webhook", "url": "http://x/"}"#, "name", "name"),
        (#"{"name": "a", "type": "email", "url": "http://x/"}"#, "type", "\"email\" is not one of webhook, slack, msteams, alertmanager"),
        (#"{"name": "a", "type": "slack"}"#, "url", "set url or url_file"),
        (#"{"name": "a", "type": "slack", "url": "http://x/", "url_file": "/f"}"#, "url", "not both"),
        (#"{"name": "a", "type": "slack", "url_file": "/nonexistent/pulldoctor-url"}"#, "url_file", "cannot read file \"/nonexistent/pulldoctor-url\""),
        (#"{"name": "a", "type": "webhook", "url": "ftp://x/", "bearer_token": "t"}"#, "url", "absolute http"),
        (#"{"name": "a", "type": "webhook", "url": "http://x/", "bearer_token": "t", "basic_auth": {"username": "u", "password": "p"}}"#, "basic_auth", "not both"),
        (#"{"name": "a", "type": "webhook", "url": "http://x/", "basic_auth": {"username": "u"}}"#, "basic_auth.password", "set password or password_file"),
        (#"{"name": "a", "type": "webhook", "url": "http://x/", "basic_auth": {"username": "u", "password": "p", "pw": "x"}}"#, "basic_auth.pw", "unknown field"),
        (#"{"name": "a", "type": "webhook", "url": "http://x/", "headers": {"Content-Type": "text/plain"}}"#, "headers.Content-Type", "set by PullDoctor"),
        (#"{"name": "a", "type": "webhook", "url": "http://x/", "bearer_token": "t", "headers": {"Authorization": "x"}}"#, "headers.Authorization", "conflicts"),
        (#"{"name": "a", "type": "webhook", "url": "http://x/", "headers": {"X-A": "a\nb"}}"#, "headers.X-A", "control character"),
        (#"{"name": "a", "type": "webhook", "url": "http://x/", "headers": {"X A": "a"}}"#, "headers.X A", "not a valid header name"),
        (#"{"name": "a", "type": "webhook", "url": "http://x/", "renotify_interval": "4 hours"}"#, "renotify_interval", "not a duration"),
        (#"{"name": "a", "type": "webhook", "url": "http://x/", "renotify_interval": "10s"}"#, "renotify_interval", "at least 60s"),
        (#"{"name": "a", "type": "alertmanager", "url": "http://x/", "send_resolved": false}"#, "send_resolved", "always ends its alerts"),
        (#"{"name": "a", "type": "webhook", "url": "http://x/", "timeout": "10m"}"#, "timeout", "at most 300s"),
        (#"{"name": "a", "type": "webhook", "url": "http://x/", "timeout": "99999999999h"}"#, "timeout", "not a duration"),
        (#"{"name": "a", "type": "webhook", "url": "http://x/", "max_concurrency": 0}"#, "max_concurrency", "between 1 and 64"),
        (#"{"name": "a", "type": "webhook", "url": "http://x/", "matchers": ["ok=1", "bad"]}"#, "matchers.1", "is not a matcher"),
        (#"{"name": "a", "type": "webhook", "url": "http://x/", "templates": {"title": "x"}}"#, "templates", "apply to slack and msteams"),
        (#"{"name": "a", "type": "slack", "url": "http://x/", "templates": {"text": "{{#a}}x"}}"#, "templates", "invalid Mustache template at line 1"),
        (#"{"name": "a", "type": "slack", "url": "http://x/", "templates": {"titel": "x"}}"#, "templates.titel", "unknown field"),
    ])
    func invalid(json: String, path: String, message: String) throws {
        let failure = try #require(Self.failure(json))
        #expect(failure.path == path)
        #expect(failure.problem.contains(message), "\(failure.problem)")
    }

    @Test("a template error points at its line")
    func templateErrorLine() throws {
        let failure = try #require(Self.failure(#"{"name": "a", "type": "msteams", "url": "http://x/", "templates": {"text": "ok\n{{#x}}\n{{/y}}"}}"#))
        #expect(failure.problem.contains("line 3"), "\(failure.problem)")
    }

    @Test("duplicate sink names are reported")
    func duplicates() throws {
        let a = try Self.decode(#"{"name": "a", "type": "webhook", "url": "http://x/"}"#)
        let b = try Self.decode(#"{"name": "b", "type": "slack", "url": "http://x/"}"#)
        #expect(SinkConfig.duplicateNamesProblem([a, b]) == nil)
        #expect(SinkConfig.duplicateNamesProblem([a, b, a])?.contains("repeated: a") == true)
    }

    @Test("the factory builds each kind")
    func factory() throws {
        let client = RecordingTransport()
        for kind in SinkConfig.Kind.allCases {
            let config = try Self.decode(#"{"name": "n", "type": "\#(kind.rawValue)", "url": "http://127.0.0.1:1/"}"#)
            let notifier = config.makeNotifier(transport: client)
            switch kind {
            case .webhook: #expect(notifier is WebhookNotifier)
            case .slack: #expect(notifier is SlackNotifier)
            case .msteams: #expect(notifier is TeamsNotifier)
            case .alertmanager:
                let am = try #require(notifier as? AlertmanagerNotifier)
                #expect(am.keepAlive == .seconds(3 * 4 * 3600))
                #expect(am.endpoint.url.value == "http://127.0.0.1:1/api/v2/alerts")
            }
        }
    }
}
