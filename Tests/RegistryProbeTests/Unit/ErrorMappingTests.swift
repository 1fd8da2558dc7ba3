import CurlClient
import Foundation
@testable import Registry
import Testing

/// A transport that answers from a script, for the mapping of registry error documents to outcomes
/// (real registries do not let a test choose their error codes).
struct ScriptedTransport: HTTPTransport {
    /// Answers by "METHOD path-suffix"; the first matching rule wins.
    let rules: [(method: String, suffix: String, status: Int, body: String)]

    func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
        let path = URLComponents(string: request.url)?.path ?? request.url
        guard let rule = rules.first(where: { $0.method == request.method && path.hasSuffix($0.suffix) }) else {
            return HTTPResponse(status: 599, headers: [], body: [], effectiveURL: request.url)
        }
        let body = request.method == "HEAD" ? [] : Array(rule.body.utf8)
        return HTTPResponse(status: rule.status, headers: [("Content-Type", "application/json")], body: body,
                            effectiveURL: request.url)
    }
}

@Suite struct ErrorMappingTests {
    static func errors(_ code: String) -> String { #"{"errors":[{"code":"\#(code)","message":"m","detail":null}]}"# }

    /// (manifest GET status, its body, tag-list status, its body, reference, expected outcome)
    static let table: [(Int, String, Int, String, String, ProbeOutcome)] = [
        (404, errors("MANIFEST_UNKNOWN"), 200, #"{"name":"a/b","tags":["v1"]}"#, "v9", .tagNotFound),
        (404, errors("MANIFEST_UNKNOWN"), 200, #"{"name":"a/b","tags":["v1"]}"#, "@sha256:" + String(repeating: "a", count: 64), .digestNotFound),
        (404, errors("MANIFEST_UNKNOWN"), 404, errors("NAME_UNKNOWN"), "v1", .repositoryNotFound),
        (404, errors("NAME_UNKNOWN"), 500, "", "v1", .repositoryNotFound),
        (400, errors("NAME_INVALID"), 500, "", "v1", .invalidReference),
        (403, errors("DENIED"), 500, "", "v1", .denied),
        (404, errors("DENIED"), 500, "", "v1", .denied),
        (401, errors("UNAUTHORIZED"), 500, "", "v1", .authRequired),
        (429, errors("TOOMANYREQUESTS"), 500, "", "v1", .rateLimited),
        (400, errors("TOOMANYREQUESTS"), 500, "", "v1", .rateLimited),
        (400, errors("MANIFEST_INVALID"), 500, "", "v1", .registryError),
        (404, "<html>not found</html>", 500, "", "v1", .tagNotFound),
        (405, "", 500, "", "v1", .registryError),
    ]

    @Test(arguments: table.indices)
    func manifestErrorBodiesMapToOutcomes(index: Int) async {
        let (status, body, tagStatus, tagBody, reference, expected) = Self.table[index]
        let separator = reference.hasPrefix("@") ? "" : ":"
        let transport = ScriptedTransport(rules: [
            ("GET", "/v2/", 200, "{}"),
            // HEAD without a body answers 404: the probe must read the code from the GET.
            ("HEAD", "/manifests/" + reference.replacingOccurrences(of: "@", with: ""), 404, ""),
            ("GET", "/manifests/" + reference.replacingOccurrences(of: "@", with: ""), status, body),
            ("GET", "/tags/list", tagStatus, tagBody),
        ])
        let probe = RegistryProbe(transport: transport, options: ProbeOptions(proxy: .none))
        let result = await probe.probe(ProbeRequest(image: "registry.example/a/b\(separator)\(reference)"))
        #expect(result.outcome == expected, "\(status) \(body) → \(result.reason)")
        #expect(result.httpStatus != nil)
    }

    @Test func secureRegistryNeverFallsBackToHTTP() async {
        struct PlainHTTPOnly: HTTPTransport {
            func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
                throw TransportError(kind: .httpOnHTTPS, detail: "wrong version number", host: "registry.example")
            }
        }
        let probe = RegistryProbe(transport: PlainHTTPOnly(), options: ProbeOptions(proxy: .none))
        let result = await probe.probe(ProbeRequest(image: "registry.example/a/b:v1"))
        #expect(result.outcome == .httpOnHTTPS)
        #expect(result.steps.count == 1)
        #expect(result.steps.first?.url == "https://registry.example/v2/")
    }

    @Test func dockerHubIsProbedAtItsAPIHost() async {
        let transport = ScriptedTransport(rules: [("GET", "/v2/", 200, "{}"), ("HEAD", "/manifests/1.25", 404, ""),
                                                  ("GET", "/manifests/1.25", 404, Self.errors("MANIFEST_UNKNOWN")),
                                                  ("GET", "/tags/list", 200, #"{"tags":["1.24"]}"#)])
        let result = await RegistryProbe(transport: transport, options: ProbeOptions(proxy: .none))
            .probe(ProbeRequest(image: "nginx:1.25"))
        #expect(result.outcome == .tagNotFound)
        #expect(result.endpoint == "https://registry-1.docker.io")
        #expect(result.steps.map(\.url).contains("https://registry-1.docker.io/v2/library/nginx/manifests/1.25"))
        #expect(result.availableTags == ["1.24"])
    }
}
