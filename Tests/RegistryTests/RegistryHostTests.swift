import Testing
@testable import Registry

/// Docker Hub's many names, as they appear in pull-secret keys.
struct RegistryHostTests {
    @Test("Docker Hub spellings", arguments: [
        "docker.io", "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com",
        "https://index.docker.io/v1/", "https://index.docker.io/v1", "http://index.docker.io/v1/",
        "https://registry-1.docker.io/v2/", "https://docker.io", "Docker.IO", "https://index.docker.io/v2",
    ])
    func isDockerHub(key: String) {
        #expect(RegistryHost.isDockerHubKey(key))
    }

    @Test("not Docker Hub", arguments: [
        "ghcr.io", "docker.io:443", "docker.io/myorg", "https://index.docker.io/v1/myorg", "hub.docker.io",
        "mydocker.io", "index.docker.io.evil.com", "https://index.docker.io:5000/v1/", "",
    ])
    func isNotDockerHub(key: String) {
        #expect(!RegistryHost.isDockerHubKey(key))
    }

    @Test(arguments: [
        ("myreg.io", "myreg.io", nil as String?),
        ("myreg.io:5000", "myreg.io", "5000"),
        ("[::1]:5000", "[::1]", "5000"),
        ("[::1]", "[::1]", nil),
        ("localhost:5000", "localhost", "5000"),
    ])
    func splitsHostAndPort(text: String, hostname: String, port: String?) {
        let host = RegistryHost(text)
        #expect(host.hostname == hostname)
        #expect(host.port == port)
        #expect(host.name == text)
    }

    @Test func apiHostIsRegistryOneForHubOnly() {
        #expect(RegistryHost("docker.io").apiHost == "registry-1.docker.io")
        #expect(RegistryHost("index.docker.io").apiHost == "registry-1.docker.io")
        #expect(RegistryHost("docker.io:5000").apiHost == "docker.io:5000")
        #expect(RegistryHost("ghcr.io").apiHost == "ghcr.io")
    }
}
