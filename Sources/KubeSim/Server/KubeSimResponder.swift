import Foundation
import Hummingbird

/// Hands every HTTP request to `KubeAPI`: kubesim routes by Kubernetes path rules, not by a router table.
struct KubeSimResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let api: KubeAPI

    /// Admin request bodies are tiny; anything bigger is a mistake.
    private static let maxBodySize = 64 * 1024

    func respond(to request: Request, context: Context) async throws -> Response {
        var request = request
        let body = request.method == .get || request.method == .head
            ? [] : Array(buffer: try await request.collectBody(upTo: Self.maxBodySize))
        let path = request.uri.path.removingPercentEncoding ?? request.uri.path
        let apiRequest = APIRequest(
            method: request.method.rawValue, path: path, query: Self.queryParameters(request.uri.query ?? ""),
            accept: request.headers[.accept] ?? "", body: body)
        let answer = await api.respond(to: apiRequest)
        var headers = HTTPFields()
        headers[.contentType] = answer.contentType
        for header in answer.headers where header.name == "Retry-After" {
            headers[.retryAfter] = header.value
        }
        let buffer = ByteBuffer(bytes: answer.body)
        headers[.contentLength] = String(buffer.readableBytes)
        return Response(status: .init(code: answer.status), headers: headers, body: .init(byteBuffer: buffer))
    }

    /// Form-decodes a query string (`+` is a space, as Go's `url.Values.Encode` writes it); the first of a
    /// repeated parameter wins.
    static func queryParameters(_ query: String) -> [String: String] {
        var parameters: [String: String] = [:]
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String {
                let spaced = text.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            let key = decode(parts[0])
            if parameters[key] == nil { parameters[key] = parts.count > 1 ? decode(parts[1]) : "" }
        }
        return parameters
    }
}
