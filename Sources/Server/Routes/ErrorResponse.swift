import Alerting
import Foundation
import Hummingbird

/// JSON responses in the shape Prometheus's own APIs use: `{"status":"error","error":"..."}`, plus
/// `field` when one field is at fault.
enum ErrorResponse {
    static func make(_ status: HTTPResponse.Status, _ message: String, headers: HTTPFields = [:]) -> Response {
        json(status, ["status": "error", "error": message], headers: headers)
    }

    static func badPayload(_ error: WebhookDecodingError) -> Response {
        json(.badRequest, [
            "status": "error", "errorType": error.reason.rawValue, "field": error.field,
            "error": error.description,
        ])
    }

    static func tooLarge(limit: Int) -> Response {
        make(.contentTooLarge, "request body exceeds web.max_request_bytes (\(limit) bytes)")
    }

    static func unauthorized(_ reason: String, basic: Bool) -> Response {
        let challenge = basic ? "Basic realm=\"pulldoctor\"" : "Bearer realm=\"pulldoctor\""
        return make(.unauthorized, reason, headers: [.wwwAuthenticate: challenge])
    }

    /// The webhook's success answer, `{"accepted":N,"status":"success"}`, written directly: it is sent for
    /// every accepted webhook, and JSONSerialization cost a few percent of the ingest CPU.
    static func accepted(_ count: Int) -> Response {
        var buffer = ByteBuffer()
        buffer.writeString("{\"accepted\":\(count),\"status\":\"success\"}")
        return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: buffer))
    }

    static func json(_ status: HTTPResponse.Status, _ object: [String: any Sendable], headers: HTTPFields = [:]) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        var fields = headers
        fields[.contentType] = "application/json"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
