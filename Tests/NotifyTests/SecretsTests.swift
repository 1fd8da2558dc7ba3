import CurlClient
import Foundation
import Testing
@testable import Notify

/// Slack and Teams webhook URLs, tokens, passwords and header values are credentials: no description,
/// dump, error or delivery result may show them.
@Suite("Secrets stay out of text")
struct SecretsTests {
    static let secrets = ["SECRETPATH", "tok-SECRET", "pw-SECRET", "hdr-SECRET"]

    static func assertClean(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for secret in secrets {
            #expect(!text.contains(secret), "\(secret) leaked into: \(text)", sourceLocation: sourceLocation)
        }
    }

    static func config(type: String = "slack", auth: String = #""bearer_token": "tok-SECRET""#) throws -> SinkConfig {
        try SinkConfigTests.decode(#"""
            {"name": "s", "type": "\#(type)", "url": "https://hooks.slack.com/services/T0/B0/SECRETPATH",
             \#(auth), "headers": {"X-Key": "hdr-SECRET"}}
            """#)
    }

    @Test("descriptions, dumps and reflection of the configuration")
    func configurationText() throws {
        for config in [try Self.config(), try Self.config(auth: #""basic_auth": {"username": "u", "password": "pw-SECRET"}"#)] {
            Self.assertClean(String(describing: config))
            Self.assertClean(String(reflecting: config))
            var dumped = ""
            dump(config, to: &dumped)
            Self.assertClean(dumped)
            Self.assertClean(String(describing: config.endpoint))
            Self.assertClean("\(config.route)")
            #expect(String(describing: config).contains("hooks.slack.com"))
        }
    }

    @Test("a URL read from url_file is not echoed by a validation error")
    func invalidURLFromFile() throws {
        let folder = try SinkConfigTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "not a url SECRETPATH\n".write(to: folder.appendingPathComponent("u"), atomically: true, encoding: .utf8)
        let failure = try #require(SinkConfigTests.failure(#"{"name": "s", "type": "msteams", "url_file": "u"}"#, base: folder.path))
        #expect(failure.path == "url")
        Self.assertClean(failure.problem)
    }

    @Test("delivery failures over the network never carry the URL or credentials", arguments: ["webhook", "slack", "msteams", "alertmanager"])
    func deliveryFailures(type: String) async throws {
        let client = CurlClient()
        defer { client.shutdown() }
        // A host that cannot resolve (RFC 6761 `.invalid`), and a port where nothing listens.
        for base in ["http://pulldoctor-test.invalid", "http://127.0.0.1:\(CaptureServer.closedPort())"] {
            var config = try Self.config(type: type)
            config.url = Secret(base + "/services/T0/B0/SECRETPATH?sig=SECRETPATH")
            config.timeout = .seconds(2)
            let result = await config.makeNotifier(transport: client).send(try Samples.firing())
            #expect(result.outcome == .retry)
            Self.assertClean("\(result)")
            Self.assertClean(String(reflecting: result))
        }
    }

    @Test("an error answer quoting the credential has it redacted", arguments: ["slack", "webhook"])
    func errorBodies(type: String) async throws {
        // A server that echoes the request path back in its error body.
        let server = try CaptureServer(replies: [CaptureServer.Reply(status: 500, body: "failed for /services/T0/B0/SECRETPATH")])
        defer { server.stop() }
        let client = CurlClient()
        defer { client.shutdown() }
        var config = try Self.config(type: type)
        config.url = Secret(server.url + "/services/T0/B0/SECRETPATH")
        let result = await config.makeNotifier(transport: client).send(try Samples.firing())
        #expect(result.failure?.reason == .http5xx)
        // The request went out with the real header value and token.
        #expect(server.requests.first?.header("X-Key") == "hdr-SECRET")
        #expect(server.requests.first?.header("Authorization") == "Bearer tok-SECRET")
        Self.assertClean("\(result)")
    }
}
