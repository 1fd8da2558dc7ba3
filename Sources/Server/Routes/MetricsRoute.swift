import Hummingbird
import Telemetry

/// `GET /metrics`: Prometheus text format 0.0.4, gzip-compressed when the scraper accepts gzip.
struct MetricsRoute: Sendable {
    let metrics: PullDoctorMetrics

    func register(on router: Router<BasicRequestContext>) {
        router.get("/metrics") { request, _ in
            let text = metrics.exposition()
            var headers: HTTPFields = [.contentType: "text/plain; version=0.0.4; charset=utf-8"]
            if Self.acceptsGzip(request.headers[.acceptEncoding]), let compressed = Gzip.compress(text) {
                headers[.contentEncoding] = "gzip"
                headers[.vary] = "Accept-Encoding"
                return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: compressed)))
            }
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: text)))
        }
    }

    /// True when `gzip` is listed without `q=0`.
    static func acceptsGzip(_ header: String?) -> Bool {
        guard let header else { return false }
        for item in header.lowercased().split(separator: ",") {
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.first == "gzip" else { continue }
            let zero = parts.dropFirst().contains { $0.replacingOccurrences(of: " ", with: "") == "q=0" || $0 == "q=0.0" }
            return !zero
        }
        return false
    }
}
