import Foundation
import Hummingbird
import Synchronization

/// Test-only routes that let the browser report on a page's layout at an exact width.
///
/// Headless Chromium will not make a window narrower than about 500 px for `--dump-dom`, so the page is
/// measured inside an `<iframe>` of the wanted width: `/probe/frame?width=W` holds the frame,
/// `/probe/page` serves the last HTML handed to `show(_:)` with one extra script, `/probe/measure.js`,
/// which writes the page's widths and height, and the elements sticking out of the frame outside `<pre>`,
/// into the frame holder's `<body data-…>` attributes, which `--dump-dom` then prints. The page keeps
/// the real policy except `frame-ancestors`, which must allow the holder. `/probe/canary` breaks the
/// policy on purpose, to prove violations are seen; `/probe/noscript` serves the page with its scripts
/// blocked.
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
    /// The same, framable by the holder.
    static let framedPolicy = policy.replacingOccurrences(of: "frame-ancestors 'none'", with: "frame-ancestors 'self'")

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
          var holder = window.parent.document.body;
          holder.setAttribute("data-client-width", String(limit));
          holder.setAttribute("data-scroll-width", String(root.scrollWidth));
          // The frame is taller than any page, so scrollHeight would be the frame's: measure the content.
          holder.setAttribute("data-scroll-height", String(Math.ceil(root.getBoundingClientRect().height)));
          holder.setAttribute("data-too-wide", wide.join(" "));
        })();
        """

    /// Clicks the first copy button, once the page's own scripts have run (deferred scripts run in order).
    static let clickScript = """
        (function () {
          var button = document.querySelector("button[data-copy]");
          if (button) { button.click(); }
        })();
        """

    /// Serves `page` at `/probe/page` from now on, with `script` (`/probe/measure.js` or `/probe/click.js`).
    func show(_ page: String, script: String = "/probe/measure.js") {
        let probed = page.replacingOccurrences(
            of: "</head>", with: "<script src=\"\(script)\" defer></script>\n</head>")
        html.withLock { $0 = probed }
    }

    func register(on router: Router<BasicRequestContext>) {
        router.get("/probe/frame") { request, _ in
            // Tall enough that the page never needs a vertical scroll bar, which would narrow it.
            let width = request.uri.queryParameters.get("width").flatMap { Int($0) } ?? 360
            return self.response(
                "<!DOCTYPE html><html lang=\"en\"><head><title>probe</title></head><body>"
                    + "<iframe src=\"/probe/page\" width=\"\(width)\" height=\"8000\" title=\"page\"></iframe></body></html>",
                type: "text/html; charset=utf-8", policy: "default-src 'none'; frame-src 'self'")
        }
        router.get("/probe/page") { _, _ in
            self.response(self.html.withLock { $0 }, type: "text/html; charset=utf-8", policy: Self.framedPolicy)
        }
        // The page as a browser without JavaScript sees it: `--dump-dom` needs scripting on, so the
        // page's own scripts are blocked by its policy instead.
        router.get("/probe/noscript") { _, _ in
            self.response(self.html.withLock { $0 }, type: "text/html; charset=utf-8",
                          policy: Self.policy.replacingOccurrences(of: "script-src 'self'", with: "script-src 'none'"))
        }
        router.get("/probe/measure.js") { _, _ in
            self.response(Self.script, type: "text/javascript; charset=utf-8")
        }
        router.get("/probe/click.js") { _, _ in
            self.response(Self.clickScript, type: "text/javascript; charset=utf-8")
        }
        router.get("/probe/canary") { _, _ in
            self.response(
                "<!DOCTYPE html><html lang=\"en\"><head><title>canary</title></head><body>"
                    + "<p style=\"color:red\">inline style</p><script>document.title = \"ran\";</script></body></html>",
                type: "text/html; charset=utf-8")
        }
    }

    private func response(_ body: String, type: String, policy: String = LayoutProbe.policy) -> Response {
        Response(status: .ok, headers: [.contentType: type, .contentSecurityPolicy: policy],
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
