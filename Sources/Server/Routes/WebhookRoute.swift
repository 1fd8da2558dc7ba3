import Alerting
import Hummingbird
import Logging
import NIOCore

/// `POST /webhook`: Alertmanager's webhook receiver.
///
/// Order of checks: auth (401) before anything about the body is revealed, then the content type (415),
/// then size (413, from Content-Length at once and while reading), then the payload (400 naming the
/// field). A valid payload is handed to the intake and acknowledged at once; slow work happens later.
struct WebhookRoute: Sendable {
    let state: ServerState
    let intake: any AlertIntake
    private let decoder = WebhookDecoder()

    func register(on router: Router<BasicRequestContext>) {
        router.post("/webhook") { request, context in
            let response = await handle(request, context: context)
            state.metrics.webhookRequests(code: String(response.status.code)).increment()
            return response
        }
        router.on("/webhook", method: .get) { _, _ in
            ErrorResponse.make(.methodNotAllowed, "use POST for the webhook", headers: [.allow: "POST"])
        }
    }

    private func handle(_ request: Request, context: BasicRequestContext) async -> Response {
        let config = state.config
        if let auth = config.web.auth {
            if let failure = RequestAuthenticator(config: auth).check(request.headers) {
                context.logger.info("webhook rejected: unauthorized", metadata: ["pulldoctor.auth.reason": "\(failure)"])
                return ErrorResponse.unauthorized(failure, basic: auth.basicAuth != nil)
            }
        }
        guard Self.isJSON(request.headers[.contentType]) else {
            let given = request.headers[.contentType].map { "\"\($0.prefix(100))\"" } ?? "none"
            return ErrorResponse.make(.unsupportedMediaType, "Content-Type must be application/json (got \(given))")
        }
        let limit = config.web.maxRequestBytes
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            return ErrorResponse.tooLarge(limit: limit)
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            return ErrorResponse.tooLarge(limit: limit)
        } catch {
            return ErrorResponse.make(.badRequest, "the request body could not be read")
        }
        let payload: WebhookPayload
        do {
            payload = try body.withUnsafeReadableBytes { bytes throws(WebhookDecodingError) in try decoder.decode(bytes) }
        } catch {
            context.logger.info("webhook rejected: bad payload", metadata: [
                "pulldoctor.field": "\(error.field)", "error": "\(error.problem)",
            ])
            return ErrorResponse.badPayload(error)
        }
        do {
            try await intake.accept(payload, body: Array(buffer: body))
        } catch {
            context.logger.error("webhook not accepted: intake unavailable", metadata: ["error": "\(error)"])
            return ErrorResponse.make(.serviceUnavailable, "PullDoctor cannot take alerts right now; retry later")
        }
        for alert in payload.alerts {
            state.metrics.alertsReceived(status: alert.status.rawValue).increment()
        }
        context.logger.debug("webhook accepted", metadata: [
            "pulldoctor.receiver": "\(payload.receiver)", "pulldoctor.alerts": "\(payload.alerts.count)",
            "pulldoctor.group_key": "\(payload.groupKey)",
        ])
        return ErrorResponse.accepted(payload.alerts.count)
    }

    /// `application/json`, with or without parameters such as `charset=utf-8`.
    static func isJSON(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        let media = contentType.split(separator: ";", maxSplits: 1).first.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        return media == "application/json"
    }
}
