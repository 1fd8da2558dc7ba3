import Config
import Foundation
import Testing

@Suite("Configuration loading")
struct ConfigLoaderTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/config")
    let loader = ConfigLoader(environment: ["PULLDOCTOR_TEST_TOKEN": "s3cr3t-token-value"])

    func path(_ name: String) -> String { Self.folder.appendingPathComponent(name).path }

    @Test("a complete file decodes, with ${ENV} expanded")
    func good() throws {
        let config = try loader.load(path: path("conf.good.yml"))
        #expect(config.web.listenAddress == "127.0.0.1:9095")
        #expect(config.web.maxRequestBytes == 1_048_576)
        #expect(config.web.externalURL == "https://pulldoctor.example.com")
        #expect(config.web.auth?.bearerToken?.value == "s3cr3t-token-value")
        #expect(config.log == LogConfig(level: .debug, format: .json))
        #expect(config.kubernetes == KubernetesConfig(context: "kind-pulldoctor", qps: 50, burst: 100, requestTimeout: .milliseconds(1500)))
    }

    @Test("durations in Prometheus style", arguments: [
        ("500ms", Duration.milliseconds(500)), ("5s", .seconds(5)), ("1m30s", .seconds(90)), ("2h", .seconds(7200)),
        ("1d", .seconds(86400)), (" 10s ", .seconds(10)),
    ])
    func durations(text: String, expected: Duration) {
        #expect(ConfigDuration.parse(text) == expected)
    }

    @Test("bad durations are rejected, never overflowing", arguments: [
        "", "5", "s", "-1s", "0s", "5 s", "1w", "1.5s", "٣s", "999999999999999999h", "9999999999s",
    ])
    func badDurations(text: String) {
        #expect(ConfigDuration.parse(text) == nil)
    }

    @Test("an empty file and no file give the documented defaults")
    func defaults() throws {
        let config = try loader.load(path: path("conf.empty.yml"))
        #expect(config == PullDoctorConfig())
        #expect(config.web.listenAddress == "0.0.0.0:9095")
        #expect(config.web.maxRequestBytes == 32 * 1024 * 1024)
        #expect(config.web.auth == nil)
        #expect(config.log == LogConfig(level: .info, format: .logfmt))
        #expect(config.kubernetes == KubernetesConfig(qps: 20, burst: 40, requestTimeout: .seconds(5)))
    }

    @Test("a password file is read relative to the config file, without its newline")
    func passwordFile() throws {
        let config = try loader.load(path: path("conf.basic-auth-file.yml"))
        #expect(config.web.auth?.basicAuth?.username == "alertmanager")
        #expect(config.web.auth?.basicAuth?.password.value == "file-password-123")
    }

    struct Bad: Sendable, CustomTestStringConvertible {
        let file: String
        let reason: ConfigError.Reason
        let line: Int
        let field: String
        let mentions: String
        var testDescription: String { file }
    }

    static let bad: [Bad] = [
        Bad(file: "conf.unknown-field.yml", reason: .unknownField, line: 3, field: "web.max_requst_bytes", mentions: "max_request_bytes"),
        Bad(file: "conf.unknown-top-level.yml", reason: .unknownField, line: 4, field: "loggin", mentions: "log"),
        Bad(file: "conf.wrong-type.yml", reason: .wrongType, line: 3, field: "web.max_request_bytes", mentions: "integer"),
        Bad(file: "conf.bad-listen-address.yml", reason: .invalidValue, line: 2, field: "web.listen_address", mentions: "host:port"),
        Bad(file: "conf.bad-level.yml", reason: .invalidValue, line: 2, field: "log.level", mentions: "verbose"),
        Bad(file: "conf.missing-env.yml", reason: .missingEnvironment, line: 3, field: "", mentions: "PULLDOCTOR_TEST_UNSET_VARIABLE"),
        Bad(file: "conf.both-auth.yml", reason: .invalidValue, line: 2, field: "web.auth", mentions: "not both"),
        Bad(file: "conf.missing-password-file.yml", reason: .unreadable, line: 5, field: "web.auth.basic_auth.password_file", mentions: "does-not-exist"),
        Bad(file: "conf.bad-duration.yml", reason: .invalidValue, line: 3, field: "kubernetes.request_timeout", mentions: "duration"),
        Bad(file: "conf.syntax.yml", reason: .syntax, line: 4, field: "", mentions: "unexpected end"),
        Bad(file: "conf.overflowing-duration.yml", reason: .invalidValue, line: 3, field: "diagnosis.deadline", mentions: "not a duration"),
    ]

    @Test("bad files fail with the line and field", arguments: bad)
    func badFiles(_ bad: Bad) {
        #expect {
            _ = try loader.load(path: path(bad.file))
        } throws: { error in
            guard let error = error as? ConfigError else { return false }
            let text = error.description
            return error.reason == bad.reason && error.line == bad.line && error.field == bad.field && text.contains(bad.mentions) && text.contains(bad.file)
        }
    }

    @Test("secrets never appear in descriptions or dumps of the config")
    func secretsRedacted() throws {
        let config = try loader.load(path: path("conf.good.yml"))
        var dumped = ""
        dump(config, to: &dumped)
        for text in [String(describing: config), String(reflecting: config), dumped] {
            #expect(!text.contains("s3cr3t-token-value"))
        }
    }

    @Test("$${ keeps a literal ${")
    func escapedDollar() throws {
        let config = try loader.load(text: "web:\n  external_url: http://x/$${literal}\n")
        #expect(config.web.externalURL == "http://x/${literal}")
    }
}
