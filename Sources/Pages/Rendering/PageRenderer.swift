import Foundation
import Hummingbird
import Mustache

/// Turns a view into a response: the HTML of a page, a JSON document, or a short message page, each
/// with the security headers.
struct PageRenderer: Sendable {
    private let library: MustacheLibrary

    /// Parses the templates once.
    init() {
        library = PageTemplates.library()
    }

    /// The HTML of `template` rendered with `view`.
    func render(_ template: PageTemplates.Name, _ view: Any) -> String {
        // Every name is registered by `init`, so a nil here would be a programming error: show it as a
        // message rather than an empty page.
        library.render(view, withTemplate: template.rawValue) ?? "template \(template.rawValue) is missing"
    }

    /// A page response.
    func page(_ template: PageTemplates.Name, _ view: Any, status: HTTPResponse.Status = .ok) -> Response {
        var headers: HTTPFields = [
            .contentType: "text/html; charset=utf-8",
            // The lists change with every alert: revalidate, never serve a stale verdict.
            .cacheControl: "no-cache",
        ]
        SecurityHeaders.apply(to: &headers)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: render(template, view))))
    }

    /// A page with a heading and one sentence (not found, bad request, store unavailable).
    func message(_ status: HTTPResponse.Status, heading: String, message: String) -> Response {
        page(.message, MessageView(heading: heading, message: message), status: status)
    }

    /// A JSON response from an encodable value; a 500 in the API's error shape if it cannot be encoded.
    func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        do {
            return json(data: try APIEncoding.encode(value), status: status)
        } catch {
            return jsonError(.internalServerError, "the response could not be encoded: \(error)")
        }
    }

    /// A JSON error in the shape of the rest of the API: `{"status":"error","error":"..."}`.
    func jsonError(_ status: HTTPResponse.Status, _ message: String) -> Response {
        let data = (try? APIEncoding.encode(["status": "error", "error": message])) ?? Data(#"{"status":"error"}"#.utf8)
        return json(data: data, status: status)
    }

    private func json(data: Data, status: HTTPResponse.Status) -> Response {
        var headers: HTTPFields = [.contentType: "application/json", .cacheControl: "no-cache"]
        SecurityHeaders.apply(to: &headers)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
