import Hummingbird
import Telemetry

/// Times every request into `pulldoctor_http_request_duration_seconds{handler}`. Unknown paths share
/// the `other` handler label, so scans of random URLs cannot grow the series count.
struct RequestTimingMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    let metrics: PullDoctorMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let path = request.uri.path
        let handler = PullDoctorMetrics.handlers.contains(path) ? path : "other"
        defer { metrics.requestDuration(handler: handler).recordNanoseconds((ContinuousClock.now - start).nanoseconds) }
        return try await next(request, context)
    }
}

extension Duration {
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
