import CurlClient
import Foundation
import Telemetry
import Testing

@Suite("GET /metrics")
struct MetricsRouteTests {
    @Test("exposes the required series in text format 0.0.4")
    func required() async throws {
        try await TestServer.with { server in
            let response = try await server.get("/metrics")
            #expect(response.status == 200)
            #expect(response.header("Content-Type")?.hasPrefix("text/plain; version=0.0.4") == true)
            let text = response.text
            for name in [
                "# TYPE pulldoctor_webhook_requests_total counter", "# TYPE pulldoctor_alerts_received_total counter",
                "# TYPE pulldoctor_http_request_duration_seconds histogram", "pulldoctor_build_info{",
                "# TYPE process_resident_memory_bytes gauge", "# TYPE process_cpu_seconds_total counter",
                "# TYPE process_open_fds gauge", "# TYPE process_start_time_seconds gauge", "# TYPE process_max_fds gauge",
            ] {
                #expect(text.contains(name), "missing \(name)")
            }
            let rss = try #require(try await server.metric("process_resident_memory_bytes"))
            #expect(rss > 1_000_000, "RSS is read from /proc")
            let start = try #require(try await server.metric("process_start_time_seconds"))
            #expect(abs(start - Date().timeIntervalSince1970) < 3600)
            #expect(try await server.metric("process_open_fds") ?? 0 > 2)
            for part in PullDoctorMetrics.workParts {
                #expect(try await server.metric("pulldoctor_work_in_flight{part=\"\(part)\"}") == 0, "\(part) idle at 0")
            }
        }
    }

    @Test("gzip when the scraper accepts it, identical once decompressed")
    func gzip() async throws {
        try await TestServer.with { server in
            // The server compresses; the client (curl) decodes gzip bodies itself.
            let compressed = try await server.get("/metrics", headers: [("Accept-Encoding", "gzip")])
            #expect(compressed.header("Content-Encoding") == "gzip")
            #expect(compressed.text.contains("pulldoctor_build_info"), "decoded by the client")
            let plain = try await server.get("/metrics", headers: [("Accept-Encoding", "identity")])
            #expect(plain.header("Content-Encoding") == nil)
            #expect(plain.text.contains("pulldoctor_build_info"))
        }
    }

    @Test("gzip round trip through zlib")
    func gzipRoundTrip() throws {
        let text = Array(String(repeating: "pulldoctor_metric{a=\"b\"} 1\n", count: 500).utf8)
        let compressed = try #require(Gzip.compress(text))
        #expect(compressed.count < text.count / 10)
        #expect(compressed.prefix(2) == [0x1f, 0x8b], "a gzip member, not raw deflate")
        #expect(Gzip.decompress(compressed) == text)
    }

    @Test("promtool check metrics reports nothing", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/promtool")))
    func promtool() async throws {
        try await TestServer.with { server in
            _ = try await server.post("/webhook", body: try Fixture.text("webhook/alertmanager-firing.json"))
            let text = try await server.get("/metrics").text
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/promtool")
            process.arguments = ["check", "metrics"]
            let input = Pipe(), output = Pipe()
            process.standardInput = input
            process.standardOutput = output
            process.standardError = output
            try process.run()
            input.fileHandleForWriting.write(Data(text.utf8))
            try input.fileHandleForWriting.close()
            let findings = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "promtool: \(findings)")
            #expect(findings.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "promtool findings: \(findings)")
        }
    }
}
