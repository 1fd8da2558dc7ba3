import Foundation
import Hummingbird
import Store
import Testing

/// The pages in a real browser: Debian's headless Chromium loads them from the test server, with the
/// Content-Security-Policy in force. Skipped, with the reason, where no Chromium is installed
/// (`apt-get install -y chromium`).
@Suite(.serialized, .enabled(if: Chromium.executable != nil,
                             "Chromium is not installed (apt-get install -y chromium): browser checks skipped"))
struct BrowserTests {
    /// Where the README's screenshots go: `docs/screenshots` of the repository holding this file
    /// (symbolic links resolved, so a scratch package pointing at the repository writes there too).
    static let screenshots: URL = {
        if let chosen = ProcessInfo.processInfo.environment["PULLDOCTOR_SCREENSHOTS_DIR"], !chosen.isEmpty {
            return URL(fileURLWithPath: chosen)
        }
        return URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/screenshots")
    }()

    static func fill(_ store: Store) async throws {
        try await KnownIncident.store(into: store)
        try await HostileIncident.store(into: store, at: KnownIncident.firing.addingTimeInterval(600))
    }

    /// Runs `body` with a browser and a server whose routes include the layout probe.
    func withBrowser(
        fill: @escaping (Store) async throws -> Void = Self.fill,
        _ body: (Chromium, PagesServer, LayoutProbe) async throws -> Void
    ) async throws {
        let browser = try Chromium(path: try #require(Chromium.executable))
        defer { browser.remove() }
        let probe = LayoutProbe()
        try await PagesServer.with(fill: fill, extraRoutes: probe.register(on:)) { server in
            try await body(browser, server, probe)
        }
    }

    @Test func theDetectorSeesAPolicyViolation() async throws {
        try await withBrowser { browser, server, _ in
            let run = try await browser.dumpDOM(server.base + "/probe/canary")
            #expect(run.status == 0)
            #expect(run.violations.contains { $0.contains("Content Security Policy") && $0.contains("script-src") },
                    "an inline script under the policy must show up as a violation: \(run.stderr.suffix(2000))")
            #expect(!run.stdout.contains("<title>ran</title>"), "the inline script must not have run")
        }
    }

    @Test(arguments: ["/", "/?status=firing&q=web", "/diagnoses/\(KnownIncident.diagnosisID)",
                      "/diagnoses/\(HostileIncident.diagnosisID)", "/diagnoses/no-such-diagnosis"])
    func pagesLoadWithoutConsoleMessages(path: String) async throws {
        try await withBrowser { browser, server, _ in
            let run = try await browser.dumpDOM(server.base + path)
            #expect(run.status == 0)
            #expect(run.violations.isEmpty, "\(path): \(run.violations)")
            #expect(run.stdout.contains("<h1>"), "\(path): no DOM dumped")
            // What the browser parsed: one script at most (ours), no injected image.
            #expect(run.stdout.components(separatedBy: "<script").count - 1 <= 1, "\(path)")
            #expect(!run.stdout.contains("<img"), "\(path)")
        }
    }

    @Test func knownIncidentAsTheBrowserSeesIt() async throws {
        try await withBrowser { browser, server, _ in
            let index = try await browser.dumpDOM(server.base + "/").stdout
            #expect(index.contains("<a href=\"/diagnoses/\(KnownIncident.diagnosisID)\">shop/web</a>"))
            #expect(index.contains("Image not found"))

            let page = try await browser.dumpDOM(server.base + "/diagnoses/\(KnownIncident.diagnosisID)").stdout
            #expect(page.contains("<h1>Image not found: Deployment shop/web</h1>"))
            #expect(page.contains("v2.1-missing"))
            // copy.js ran under the policy: it revealed every copy button.
            #expect(page.contains("<button type=\"button\" data-copy=\"command-1-1\">Copy</button>"))
            #expect(!page.contains("hidden=\"\">Copy</button>"))
        }
    }

    @Test func withoutJavaScriptTheCommandsArePlainText() async throws {
        try await withBrowser { browser, server, probe in
            probe.show(try await server.get("/diagnoses/\(KnownIncident.diagnosisID)").text)
            let run = try await browser.dumpDOM(server.base + "/probe/noscript")
            #expect(run.violations.contains { $0.contains("copy.js") }, "copy.js must have been blocked: \(run.violations)")
            #expect(run.stdout.contains("<pre><code id=\"command-1-1\">skopeo list-tags"))
            #expect(run.stdout.contains("<button type=\"button\" data-copy=\"command-1-1\" hidden=\"\">Copy</button>"),
                    "the copy buttons stay hidden when no script runs")
        }
    }

    @Test func copyButtonCopiesOrSelects() async throws {
        try await withBrowser { browser, server, probe in
            probe.show(try await server.get("/diagnoses/\(KnownIncident.diagnosisID)").text, script: "/probe/click.js")
            let run = try await browser.dumpDOM(server.base + "/probe/page", extra: ["--virtual-time-budget=1500"])
            #expect(run.violations.isEmpty, "\(run.violations)")
            // Copied through the clipboard API or the textarea fallback, or, where neither is allowed,
            // the command is selected for Ctrl+C: in every case the status region tells.
            let copied = run.stdout.contains("role=\"status\">Command copied to the clipboard.</p>")
            let selected = run.stdout.contains("role=\"status\">Copying is not allowed here")
            #expect(copied || selected, "\(run.stdout.suffix(3000))")
            #expect(!run.stdout.contains("<textarea"), "the fallback's textarea is removed again")
        }
    }

    @Test(arguments: ["/", "/diagnoses/\(KnownIncident.diagnosisID)", "/diagnoses/\(HostileIncident.diagnosisID)"])
    func narrowWindowDoesNotScrollSideways(path: String) async throws {
        try await withBrowser { browser, server, probe in
            probe.show(try await server.get(path).text)
            let run = try await browser.dumpDOM(server.base + "/probe/frame?width=360", width: 1280, height: 800)
            #expect(run.violations.isEmpty, "\(run.violations)")
            let measure = try #require(LayoutProbe.measure(in: run.stdout), "the probe did not run")
            #expect(measure.clientWidth == 360)
            #expect(measure.scrollWidth <= measure.clientWidth, "\(path) is \(measure.scrollWidth) px wide")
            #expect(measure.tooWide.isEmpty, "\(path): \(measure.tooWide)")
        }
    }

    @Test func theProbeSeesAPageTooWide() async throws {
        try await withBrowser { browser, server, probe in
            let page = try await server.get("/").text
            probe.show(page.replacingOccurrences(
                of: "<h1>", with: "<img src=\"data:,\" width=\"900\" height=\"10\" alt=\"\" class=\"too-wide\"><h1>"))
            let run = try await browser.dumpDOM(server.base + "/probe/frame?width=360", width: 1280, height: 800)
            let measure = try #require(LayoutProbe.measure(in: run.stdout), "the probe did not run")
            #expect(measure.scrollWidth > 360)
            #expect(measure.tooWide.contains("img.too-wide"))
        }
    }

    @Test func screenshotsForTheReadme() async throws {
        try FileManager.default.createDirectory(at: Self.screenshots, withIntermediateDirectories: true)
        try await withBrowser(fill: DemoIncidents.store(into:)) { browser, server, probe in
            // The whole page, but the phone view only down to its fix commands, to keep the files small.
            let shots: [(file: String, path: String, width: Int, maxHeight: Int)] = [
                ("index.png", "/", 1280, 3000),
                ("diagnosis.png", "/diagnoses/\(KnownIncident.diagnosisID)", 1280, 3000),
                ("diagnosis-narrow.png", "/diagnoses/\(KnownIncident.diagnosisID)", 390, 3100),
            ]
            for shot in shots {
                // Measure the page's height at this width first.
                probe.show(try await server.get(shot.path).text)
                let measured = try await browser.dumpDOM(server.base + "/probe/frame?width=\(shot.width)", width: 1400, height: 800)
                let height = min(max(LayoutProbe.measure(in: measured.stdout)?.scrollHeight ?? 1200, 600), shot.maxHeight)
                let file = Self.screenshots.appendingPathComponent(shot.file)
                try? FileManager.default.removeItem(at: file)
                let run = try await browser.screenshot(server.base + shot.path, to: file, width: shot.width, height: height)
                #expect(run.violations.isEmpty, "\(shot.file): \(run.violations)")
                let png = try Data(contentsOf: file)
                #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(shot.file) is a PNG")
                #expect(png.count > 10_000, "\(shot.file) is only \(png.count) bytes: a blank page?")
            }
        }
    }
}
