import Alerting
import Hummingbird
import Logging
import NIOCore

/// `POST /webhook`: Alertmanager's webhook receiver.
///
/// Order of checks: auth (401) before anything about the body is revealed, then the content type (415),
/// then size (413, from Content-Length at once and while reading; 503 while other bodies in flight
/// hold `web.max_in_flight_bytes`), then the payload (400 naming the
/// field). A valid payload is handed to the intake and acknowledged at once; slow work happens later.
struct WebhookRoute: Sendable {
    let state: ServerState
    let intake: any AlertIntake
    let budget: WebhookBodyBudget
    private let decoder = WebhookDecoder()

    init(state: ServerState, intake: any AlertIntake) {
        self.state = state
        self.intake = intake
        let gauge = state.metrics.webhookBodyBytesInFlight
        self.budget = WebhookBodyBudget { gauge.set(Double($0)) }
    }

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
        let declared = request.headers[.contentLength].flatMap(Int.init)
        if let declared, declared > limit {
            return ErrorResponse.tooLarge(limit: limit)
        }
        // Bytes of this body counted in the budget, given back once the request is answered.
        var reserved = 0
        defer { budget.release(reserved) }
        let inFlightLimit = config.web.maxInFlightBytes
        if let declared {
            guard budget.reserve(declared, limit: inFlightLimit) else { return busy(context) }
            reserved = declared
        }
        var body = ByteBuffer()
        do {
            for try await var chunk in request.body {
                let size = body.readableBytes + chunk.readableBytes
                if size > limit { return ErrorResponse.tooLarge(limit: limit) }
                if size > reserved {
                    guard budget.reserve(size - reserved, holding: reserved, limit: inFlightLimit) else { return busy(context) }
                    reserved = size
                }
                if body.readableBytes == 0 { body = chunk } else { body.writeBuffer(&chunk) }
            }
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

    /// 503 while other requests hold `web.max_in_flight_bytes` of bodies: Alertmanager retries on 5xx.
    private func busy(_ context: BasicRequestContext) -> Response {
        context.logger.info("webhook deferred: other bodies in flight hold web.max_in_flight_bytes")
        return ErrorResponse.make(.serviceUnavailable,
                                  "PullDoctor is reading other webhooks (web.max_in_flight_bytes); retry later",
                                  headers: [.retryAfter: "1"])
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
