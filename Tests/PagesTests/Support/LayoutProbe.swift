import Foundation
import Hummingbird
import Synchronization

/// Test-only routes that let the browser report on a page's layout: `/probe/page` serves the last HTML
/// handed to `show(_:)` with one extra script, `/probe/measure.js`, which writes the page's widths and
/// height, and the elements wider than the window outside `<pre>`, into `<body data-…>` attributes that
/// `--dump-dom` then prints. `/probe/canary` breaks the policy on purpose, to prove violations are seen.
final class LayoutProbe: Sendable {
    private let html = Mutex("")

    /// What the probe measured.
    struct Measure {
        let clientWidth: Int
        let scrollWidth: Int
        let scrollHeight: Int
        /// `tag.class` of each element sticking out of the window (outside `<pre>`).
        let tooWide: String
    }

    static let policy = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; "
        + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    static let script = """
        (function () {
          var root = document.documentElement;
          var limit = root.clientWidth;
          var wide = [];
          var all = document.body.querySelectorAll("*");
          for (var i = 0; i < all.length; i++) {
            var element = all[i];
            if (element.closest("pre") || element.closest(".visually-hidden") || element.closest("thead")) { continue; }
            if (element.getBoundingClientRect().right > limit + 0.5) {
              wide.push(element.tagName.toLowerCase() + "." + element.className);
            }
          }
          document.body.setAttribute("data-client-width", String(limit));
          document.body.setAttribute("data-scroll-width", String(root.scrollWidth));
          document.body.setAttribute("data-scroll-height", String(root.scrollHeight));
          document.body.setAttribute("data-too-wide", wide.join(" "));
        })();
        """

    /// Serves `page` at `/probe/page` from now on.
    func show(_ page: String) {
        let probed = page.replacingOccurrences(
            of: "</head>", with: "<script src=\"/probe/measure.js\" defer></script>\n</head>")
        html.withLock { $0 = probed }
    }

    func register(on router: Router<BasicRequestContext>) {
        router.get("/probe/page") { _, _ in
            self.response(self.html.withLock { $0 }, type: "text/html; charset=utf-8")
        }
        router.get("/probe/measure.js") { _, _ in
            self.response(Self.script, type: "text/javascript; charset=utf-8")
        }
        router.get("/probe/canary") { _, _ in
            self.response(
                "<!DOCTYPE html><html lang=\"en\"><head><title>canary</title></head><body>"
                    + "<p style=\"color:red\">inline style</p><script>document.title = \"ran\";</script></body></html>",
                type: "text/html; charset=utf-8")
        }
    }

    private func response(_ body: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .contentSecurityPolicy: Self.policy],
                 body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    /// Reads the measurements back out of a dumped DOM.
    static func measure(in dom: String) -> Measure? {
        func attribute(_ name: String) -> String? {
            guard let start = dom.range(of: "\(name)=\"") else { return nil }
            let rest = dom[start.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { return nil }
            return String(rest[..<end])
        }
        guard let client = attribute("data-client-width").flatMap(Int.init),
              let scroll = attribute("data-scroll-width").flatMap(Int.init),
              let height = attribute("data-scroll-height").flatMap(Int.init) else { return nil }
        return Measure(clientWidth: client, scrollWidth: scroll, scrollHeight: height,
                       tooWide: attribute("data-too-wide") ?? "")
    }
}
