import CurlClient
@testable import Registry
import Testing

@Suite struct RegistryEndpointTests {
    static func endpoint(_ image: String, insecure: Set<String> = []) throws -> RegistryEndpoint {
        RegistryEndpoint(reference: try ImageReference(parsing: image), insecureRegistries: insecure)
    }

    @Test(arguments: ["localhost:5000/a:v1", "127.0.0.1:5000/a:v1", "127.8.9.10/a:v1", "[::1]:5000/a:v1"])
    func loopbackFallsBackOnlyForPlainHTTP(image: String) throws {
        let endpoint = try Self.endpoint(image)
        #expect(endpoint.policy == .loopback)
        #expect(endpoint.fallsBack(after: .httpOnHTTPS))
        #expect(!endpoint.fallsBack(after: .tlsUnknownAuthority))
        #expect(!endpoint.fallsBack(after: .connectionRefused))
        #expect(!endpoint.skipsVerification)
    }

    @Test(arguments: ["registry.example/a:v1", "128.0.0.1/a:v1", "localhost.example.com/a:v1", "nginx"])
    func everythingElseIsHTTPSOnly(image: String) throws {
        let endpoint = try Self.endpoint(image)
        #expect(endpoint.policy == .secure)
        #expect(endpoint.fallbackBase == nil)
        #expect(TransportError.Kind.allCases.allSatisfy { !endpoint.fallsBack(after: $0) })
    }

    @Test func insecureByHostOrHostAndPort() throws {
        let byPort = try Self.endpoint("reg.example:5000/a:v1", insecure: ["reg.example:5000"])
        #expect(byPort.policy == .insecure)
        #expect(byPort.skipsVerification)
        #expect(byPort.fallsBack(after: .tlsUnknownAuthority))
        #expect(byPort.fallbackBase == "http://reg.example:5000")
        #expect(try Self.endpoint("reg.example:5000/a:v1", insecure: ["REG.example"]).policy == .insecure)
        #expect(try Self.endpoint("reg.example:5000/a:v1", insecure: ["other.example"]).policy == .secure)
    }

    @Test func dockerHubUsesItsAPIHost() throws {
        #expect(try Self.endpoint("nginx").primaryBase == "https://registry-1.docker.io")
    }
}
