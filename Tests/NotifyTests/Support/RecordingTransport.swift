import CurlClient
import Foundation

/// An in-memory transport: records requests and answers with a fixed response or error. For tests about
/// what is sent rather than how the network behaves (those use ``CaptureServer`` and the real client).
final class RecordingTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [HTTPRequest] = []
    private let outcome: Result<HTTPResponse, TransportError>

    init(status: Int = 200, body: String = "ok") {
        outcome = .success(HTTPResponse(status: status, headers: [], body: Array(body.utf8), effectiveURL: ""))
    }

    init(error: TransportError) {
        outcome = .failure(error)
    }

    var requests: [HTTPRequest] { lock.withLock { recorded } }

    func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
        lock.withLock { recorded.append(request) }
        return try outcome.get()
    }
}
