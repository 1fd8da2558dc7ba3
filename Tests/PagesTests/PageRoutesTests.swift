import CurlClient
import Foundation
import Hummingbird
import Store
import Testing

/// The pages over real HTTP: status codes, headers, content of the known incident, 404s, auth, static files.
@Suite struct PageRoutesTests {
    static let policy = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; "
        + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    static func fill(_ store: Store) async throws {
        try await KnownIncident.store(into: store)
        try await HostileIncident.store(into: store, at: KnownIncident.firing.addingTimeInterval(600))
    }

    @Test func everyResponseCarriesTheSecurityHeaders() async throws {
        try await PagesServer.with(fill: Self.fill) { server in
            let paths = ["/", "/?status=resolved", "/diagnoses/\(KnownIncident.diagnosisID)", "/diagnoses/unknown-id",
                         "/api/v1/incidents", "/api/v1/diagnoses/\(KnownIncident.diagnosisID)", "/api/v1/diagnoses/nope",
                         "/api/v1/incidents?status=bogus", "/static/pulldoctor.css", "/static/copy.js"]
            for path in paths {
                let response = try await server.get(path)
                #expect(response.header("Content-Security-Policy") == Self.policy, "\(path)")
                #expect(response.header("X-Content-Type-Options") == "nosniff", "\(path)")
                #expect(response.header("Referrer-Policy") == "no-referrer", "\(path)")
            }
        }
    }

    @Test func indexListsTheKnownIncidentAndLinksToItsDiagnosis() async throws {
        try await PagesServer.with(fill: Self.fill) { server in
            let response = try await server.get("/")
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == "text/html; charset=utf-8")
            let html = response.text
            #expect(html.contains("<html lang=\"en\">"))
            #expect(html.components(separatedBy: "<h1").count == 2, "exactly one h1")
            #expect(html.contains("<a href=\"/diagnoses/\(KnownIncident.diagnosisID)\">shop/web</a>"))
            #expect(html.contains(KnownIncident.image))
            #expect(html.contains("Image not found"))
            #expect(html.contains("tag_not_found"))
            #expect(html.contains("2026-11-21"))
            // Counts by status and by cause: three incidents, all firing; one per category.
            #expect(html.contains("3 incidents failing now."))
            #expect(html.contains("Image not found<span class=\"count\">1</span>"))
            #expect(html.contains("Registry authentication<span class=\"count\">1</span>"))
            #expect(html.contains("Unknown cause<span class=\"count\">1</span>"))
            // The form: every control labelled.
            for id in ["filter-status", "filter-category", "filter-namespace", "filter-q"] {
                #expect(html.contains("<label for=\"\(id)\">"), "\(id)")
                #expect(html.contains("id=\"\(id)\""), "\(id)")
            }
            #expect(html.contains("<th scope=\"col\">Workload</th>"))
            #expect(html.contains("href=\"#main\""))
        }
    }

    @Test func diagnosisPageShowsEverySection() async throws {
        try await PagesServer.with(fill: Self.fill) { server in
            let report = try KnownIncident.report()
            let response = try await server.get("/diagnoses/\(KnownIncident.diagnosisID)")
            #expect(response.status == 200)
            let html = response.text
            #expect(html.components(separatedBy: "<h1").count == 2)
            #expect(html.contains("<h1>Image not found: Deployment shop/web</h1>"))
            #expect(report.category.rawValue == "image_not_found" && report.reason.rawValue == "tag_not_found",
                    "the engine's verdict for the wrong-tag scenario")
            #expect(html.contains(escaped(report.summary)))
            for item in report.evidence {
                #expect(html.contains(escaped(item.observation)), "\(item.observation)")
                if let quote = item.quote, !quote.isEmpty { #expect(html.contains("<blockquote><pre>\(escaped(quote))</pre></blockquote>")) }
            }
            #expect(!report.remediation.isEmpty)
            for (stepIndex, step) in report.remediation.enumerated() {
                #expect(html.contains(escaped(step.title)))
                for (commandIndex, command) in step.commands.enumerated() {
                    let id = "command-\(stepIndex + 1)-\(commandIndex + 1)"
                    #expect(html.contains("<pre><code id=\"\(id)\">\(escaped(command))</code></pre><button type=\"button\" data-copy=\"\(id)\" hidden>Copy</button>"))
                }
            }
            #expect(html.contains("<script src=\"/static/copy.js\" defer></script>"))
            #expect(html.contains("<th scope=\"row\">shop/\(KnownIncident.pod)</th>"))
            #expect(html.contains("only the last hour of events was read"))
            // Timeline: opened, firing, diagnosed, two attempts, re-sent.
            #expect(html.contains("Incident opened"))
            #expect(html.contains("Alert started firing"))
            #expect(html.contains("Diagnosed"))
            #expect(html.contains("Notification attempt to slack-oncall"))
            #expect(html.contains("retry HTTP 503: HTTP 503 from the sink"))
            #expect(html.contains("delivered HTTP 200"))
            #expect(html.contains("Alertmanager sent the same alert again"))
            // Deliveries table: one message, delivered after two attempts.
            #expect(html.contains("<th scope=\"row\">slack-oncall</th>"))
            #expect(html.contains("<span class=\"badge delivered\">Delivered</span></td><td data-label=\"Attempts\">2</td>"))
            #expect(html.contains("<a href=\"/api/v1/diagnoses/\(KnownIncident.diagnosisID)\">"))
        }
    }

    @Test(arguments: ["/diagnoses/0000-no-such-id", "/diagnoses/.hidden", "/diagnoses/%3Cscript%3E"])
    func unknownDiagnosisIsANotFoundPage(path: String) async throws {
        try await PagesServer.with(fill: Self.fill) { server in
            let response = try await server.get(path)
            #expect(response.status == 404)
            #expect(response.header("Content-Type") == "text/html; charset=utf-8")
            #expect(response.text.contains("<h1>Diagnosis not found</h1>"))
            #expect(!response.text.contains("<script>"))
        }
    }

    @Test func unreadableReportStillShowsTheRecordedVerdict() async throws {
        try await PagesServer.with(fill: Self.fill) { server in
            let store = server.store
            let identity = IncidentIdentity(id: "ops/Pod/job/registry.example.com/job:1", namespace: "ops",
                                            ownerKind: "Pod", ownerName: "job", image: "registry.example.com/job:1")
            _ = try await store.attach(alertIDs: [], to: identity)
            try await store.saveDiagnosis(DiagnosisRecord(
                id: "old-format-1", incidentID: identity.id, createdAt: KnownIncident.firing, category: "network",
                reason: "dns", confidence: "high", partial: false, body: Data(#"{"id":"old-format-1"}"#.utf8)))
            let response = try await server.get("/diagnoses/old-format-1")
            #expect(response.status == 200)
            #expect(response.text.contains("<h1>Network: Pod ops/job</h1>"))
            #expect(response.text.contains("The full report could not be read (the key "))
        }
    }

    @Test func authorizeGuardsPagesAndAPIButNotStaticFiles() async throws {
        let authorize: @Sendable (Request) -> Response? = { request in
            request.headers[.authorization] == "Bearer s3cret" ? nil : Response(
                status: .unauthorized, headers: [.wwwAuthenticate: "Bearer realm=\"pulldoctor\""])
        }
        try await PagesServer.with(fill: Self.fill, authorize: authorize) { server in
            for path in ["/", "/diagnoses/\(KnownIncident.diagnosisID)", "/api/v1/incidents",
                         "/api/v1/diagnoses/\(KnownIncident.diagnosisID)", "/diagnoses/unknown"] {
                let refused = try await server.get(path)
                #expect(refused.status == 401, "\(path)")
                #expect(refused.header("WWW-Authenticate") == "Bearer realm=\"pulldoctor\"")
                #expect(refused.header("Content-Security-Policy") == Self.policy)
                #expect(!refused.text.contains("shop/web"))
                let allowed = try await server.get(path, headers: [(name: "Authorization", value: "Bearer s3cret")])
                #expect(allowed.status != 401, "\(path)")
            }
            #expect(try await server.get("/static/pulldoctor.css").status == 200)
            #expect(try await server.get("/static/copy.js").status == 200)
        }
    }

    @Test func staticFilesHaveTypesAndRevalidate() async throws {
        try await PagesServer.with { server in
            let css = try await server.get("/static/pulldoctor.css")
            #expect(css.status == 200)
            #expect(css.header("Content-Type") == "text/css; charset=utf-8")
            #expect(css.text.contains("@media (max-width: 40rem)"))
            let script = try await server.get("/static/copy.js")
            #expect(script.header("Content-Type") == "text/javascript; charset=utf-8")
            #expect(script.text.contains("navigator.clipboard"))
            #expect(script.text.contains("execCommand(\"copy\")"))
            let etag = try #require(css.header("ETag"))
            #expect(css.header("Cache-Control") == "public, max-age=300")
            let again = try await server.get("/static/pulldoctor.css", headers: [(name: "If-None-Match", value: etag)])
            #expect(again.status == 304)
            #expect(again.body.isEmpty)
            let other = try await server.get("/static/pulldoctor.css", headers: [(name: "If-None-Match", value: "\"0\"")])
            #expect(other.status == 200)
            #expect(try await server.get("/static/other.js").status == 404)
        }
    }

    /// Mustache's HTML escaping of `text`, written out independently.
    func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }
}
