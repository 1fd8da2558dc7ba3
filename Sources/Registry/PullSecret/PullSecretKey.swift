import Foundation

/// The registry key of a pull-secret entry (`myreg.io`, `myreg.io:5000`, `https://index.docker.io/v1/`,
/// `myreg.io/team`, `*.example.com`), reduced the way the kubelet reduces it
/// (kubernetes pkg/credentialprovider/keyring.go, `BasicDockerKeyring.Add`): the `http(s)://`
/// scheme is dropped, and a path starting `/v1/` or `/v2/` loses that API prefix.
public struct PullSecretKey: Hashable, Sendable, CustomStringConvertible {
    /// The key as written in the Secret.
    public let raw: String
    /// The host and port the key names; may hold `*` globs. (A `?` cannot be used: URL parsing
    /// takes it as the start of a query, in the kubelet as here.)
    public let host: RegistryHost
    /// The path prefix the key is limited to (`/team`), or empty for the whole registry.
    public let path: String

    /// Parses a key. Never fails: an odd key is kept so that it can be listed in a mismatch.
    public init(_ raw: String) {
        self.raw = raw
        var rest = Substring(raw)
        // Only these two schemes are stripped, case-sensitively, as the kubelet does.
        for scheme in ["https://", "http://"] where rest.hasPrefix(scheme) {
            rest = rest.dropFirst(scheme.count)
        }
        if let end = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
        let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        var path = String(rest[authorityEnd...])
        if path.hasPrefix("/v1/") || path.hasPrefix("/v2/") { path.removeFirst(3) }
        if path == "/" { path = "" }
        let parsed = RegistryHost(String(authority))
        // Go's net.SplitHostPort turns "host:" into an empty port, which equals no port.
        host = RegistryHost(hostname: parsed.hostname, port: parsed.port.flatMap { $0.isEmpty ? nil : $0 })
        self.path = path
    }

    /// `host[:port][/path]`: the key the kubelet indexes the entry under.
    public var normalized: String { host.name + path }

    /// Whether the host part holds a glob (`*.example.com`).
    public var isWildcard: Bool { host.hostname.contains("*") }

    /// Whether the key names the whole of Docker Hub under any of its aliases.
    public var isDockerHub: Bool { RegistryHost.isDockerHubKey(raw) }

    /// The key as written.
    public var description: String { raw }
}
