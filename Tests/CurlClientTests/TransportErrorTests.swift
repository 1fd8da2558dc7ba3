import CurlClient
import Foundation
import Testing

/// Each transport failure kind, produced by a real local endpoint (loopback only).
@Suite("Transport error kinds against real endpoints", .serialized)
struct TransportErrorTests {
    let client = CurlClient()

    func kind(of request: HTTPRequest) async -> TransportError.Kind? {
        do {
            _ = try await client.send(request)
            return nil
        } catch {
            return error.kind
        }
    }

    @Test("a closed port is connection_refused")
    func refused() async throws {
        let port = try LocalEndpoints.closedPort()
        #expect(await kind(of: HTTPRequest(url: "http://127.0.0.1:\(port)/v2/")) == .connectionRefused)
    }

    @Test("a name under .invalid is dns")
    func dns() async throws {
        #expect(await kind(of: HTTPRequest(url: "https://registry.pulldoctor.invalid/v2/", proxy: .none)) == .dns)
    }

    @Test("a listener that never answers is timeout (total), within the deadline")
    func silentListener() async throws {
        let listener = try TCPListener(backlog: 16)
        defer { listener.close() }
        let start = ContinuousClock.now
        let result = await kind(of: HTTPRequest(url: "http://127.0.0.1:\(listener.port)/", timeout: .milliseconds(400)))
        #expect(result == .timeout)
        #expect(ContinuousClock.now - start < .seconds(3), "the deadline bounds the call")
    }

    @Test("a full accept queue is connect_timeout")
    func connectTimeout() async throws {
        let listener = try TCPListener(backlog: 0)
        defer { listener.close() }
        listener.fillBacklog(connections: 4)
        let result = await kind(of: HTTPRequest(
            url: "http://127.0.0.1:\(listener.port)/", connectTimeout: .milliseconds(300), timeout: .seconds(2)))
        #expect(result == .connectTimeout)
    }

    @Test("TLS: unknown authority, trusted CA, expired, name mismatch, HTTP on HTTPS")
    func tls() async throws {
        let endpoints = try TLSEndpoints()
        defer { endpoints.stop() }
        #expect(await kind(of: HTTPRequest(url: endpoints.url("good"))) == .tlsUnknownAuthority,
                "the test CA is not in the system store")
        let trusted = try await client.send(HTTPRequest(url: endpoints.url("good"), tls: TLSOptions(caFile: endpoints.caFile)))
        #expect(trusted.status == 200 && trusted.text == "ok")
        let pem = try String(contentsOfFile: endpoints.caFile, encoding: .utf8)
        let fromPEM = try await client.send(HTTPRequest(url: endpoints.url("good"), tls: TLSOptions(caPEM: pem)))
        #expect(fromPEM.status == 200, "CA given as PEM data")
        #expect(await kind(of: HTTPRequest(url: endpoints.url("selfsigned"), tls: TLSOptions(caFile: endpoints.caFile))) == .tlsUnknownAuthority)
        #expect(await kind(of: HTTPRequest(url: endpoints.url("expired"), tls: TLSOptions(caFile: endpoints.caFile))) == .tlsExpired)
        #expect(await kind(of: HTTPRequest(url: endpoints.url("wrongname"), tls: TLSOptions(caFile: endpoints.caFile))) == .tlsNameMismatch)
        let skipped = try await client.send(HTTPRequest(url: endpoints.url("selfsigned"), tls: TLSOptions(insecureSkipVerify: true)))
        #expect(skipped.status == 200, "insecure-skip-verify only when asked")
        #expect(await kind(of: HTTPRequest(url: "https://127.0.0.1:\(endpoints.ports["plain"]!)/")) == .httpOnHTTPS)
        let plain = try await client.send(HTTPRequest(url: "http://127.0.0.1:\(endpoints.ports["plain"]!)/"))
        #expect(plain.status == 200)
    }

    @Test("errors keep curl's own text and the host")
    func detail() async throws {
        let port = try LocalEndpoints.closedPort()
        do {
            _ = try await client.send(HTTPRequest(url: "http://127.0.0.1:\(port)/"))
            Issue.record("expected a failure")
        } catch {
            #expect(error.host == "127.0.0.1")
            #expect(error.detail.contains("curl error 7"))
            #expect(error.detail.lowercased().contains("connect"))
        }
    }

    @Test("an unreachable proxy is proxy")
    func proxy() async throws {
        let port = try LocalEndpoints.closedPort()
        let result = await kind(of: HTTPRequest(url: "http://example.invalid/", proxy: .url("http://127.0.0.1:\(port)", noProxy: nil)))
        #expect(result == .proxy)
    }
}
