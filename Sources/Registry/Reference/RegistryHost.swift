import Foundation

/// A registry endpoint as written in an image reference or a pull-secret key: `host[:port]`.
///
/// The host keeps the case and the IPv6 brackets it was written with (`[::1]:5000`), because the
/// kubelet compares hosts literally; only the Docker Hub spellings get special treatment.
public struct RegistryHost: Hashable, Sendable, CustomStringConvertible {
    /// The host without its port; IPv6 addresses keep their brackets (`[::1]`).
    public let hostname: String
    /// The port digits as written, or `nil` when the reference names no port.
    public let port: String?

    /// Docker Hub's name in normalised references.
    public static let dockerHub = "docker.io"
    /// The host that actually serves Docker Hub's registry API (`/v2/`).
    public static let dockerHubAPIHost = "registry-1.docker.io"
    /// Host names that all mean Docker Hub when a pull secret names them.
    ///
    /// `index.docker.io` is the legacy "Docker Index" name that `docker login` still writes
    /// (as `https://index.docker.io/v1/`); `registry-1.docker.io` serves the API;
    /// `registry.hub.docker.com` is an older API host people still copy from blog posts.
    public static let dockerHubAliases: Set<String> = [
        "docker.io", "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com",
    ]

    /// Splits `host[:port]`. Never fails: validation belongs to the caller's grammar, and
    /// pull-secret keys must be kept even when they are odd so that they can be reported.
    public init(_ hostAndPort: String) {
        if hostAndPort.hasPrefix("["), let close = hostAndPort.firstIndex(of: "]") {
            let afterBracket = hostAndPort.index(after: close)
            hostname = String(hostAndPort[..<afterBracket])
            let rest = hostAndPort[afterBracket...]
            port = rest.hasPrefix(":") ? String(rest.dropFirst()) : nil
        } else if let colon = hostAndPort.firstIndex(of: ":") {
            hostname = String(hostAndPort[..<colon])
            port = String(hostAndPort[hostAndPort.index(after: colon)...])
        } else {
            hostname = hostAndPort
            port = nil
        }
    }

    /// Builds a host from its parts.
    public init(hostname: String, port: String?) {
        self.hostname = hostname
        self.port = port
    }

    /// `host[:port]`, as written.
    public var name: String { port.map { "\(hostname):\($0)" } ?? hostname }

    /// `host[:port]`, as written.
    public var description: String { name }

    /// Whether this host is one of Docker Hub's names (and carries no port).
    public var isDockerHub: Bool {
        port == nil && Self.dockerHubAliases.contains(hostname.lowercased())
    }

    /// The host to probe for the registry API: `registry-1.docker.io` for Docker Hub,
    /// otherwise `host[:port]` unchanged.
    public var apiHost: String { isDockerHub ? Self.dockerHubAPIHost : name }

    /// Whether a pull-secret key (`docker.io`, `https://index.docker.io/v1/`,
    /// `https://index.docker.io/v1`, `registry-1.docker.io`, ...) names Docker Hub.
    ///
    /// A key naming a path inside Docker Hub (`docker.io/myorg`) is not an alias of the whole
    /// registry; only the API version paths `/v1` and `/v2` (with or without a slash) are.
    public static func isDockerHubKey(_ key: String) -> Bool {
        var rest = Substring(key)
        for scheme in ["https://", "http://"] where rest.lowercased().hasPrefix(scheme) {
            rest = rest.dropFirst(scheme.count)
        }
        let host: Substring
        let path: Substring
        if let slash = rest.firstIndex(of: "/") {
            host = rest[..<slash]
            path = rest[slash...]
        } else {
            host = rest
            path = ""
        }
        guard RegistryHost(String(host)).isDockerHub else { return false }
        return ["", "/", "/v1", "/v1/", "/v2", "/v2/"].contains(path)
    }
}
