import CurlClient
import Foundation

/// How the probe reaches one registry: which schemes it tries, in which order, and when it may fall
/// back from HTTPS to plain HTTP.
///
/// HTTPS always comes first and is the only scheme for ordinary registries, as with the container
/// runtimes. Two exceptions, as in Docker and containerd:
/// - registries the configuration marks insecure: HTTPS without certificate verification, then plain
///   HTTP when HTTPS fails (Docker's `insecure-registries`);
/// - loopback registries (`localhost`, `127.0.0.0/8`, `::1`): HTTPS *with* verification, then plain HTTP
///   only when the server turns out to speak HTTP (containerd's HTTP fallback for localhost). A
///   loopback registry with an untrusted certificate is reported as such, not silently skipped.
struct RegistryEndpoint: Sendable, Hashable {
    /// Why this registry gets the scheme order it gets.
    enum Policy: String, Sendable {
        case secure
        case loopback
        case insecure
    }

    /// `host[:port]` of the registry API.
    let host: String
    /// The policy that applies.
    let policy: Policy

    init(host: String, policy: Policy) {
        self.host = host
        self.policy = policy
    }

    /// The endpoint for `reference`, given the registries marked insecure (`host` or `host:port`).
    init(reference: ImageReference, insecureRegistries: Set<String>) {
        let host = reference.apiHost
        let names = [reference.registry, host, RegistryHost(host).hostname].map { $0.lowercased() }
        let insecure = Set(insecureRegistries.map { $0.lowercased() })
        if names.contains(where: insecure.contains) {
            self.init(host: host, policy: .insecure)
        } else if Self.isLoopback(RegistryHost(host).hostname) {
            self.init(host: host, policy: .loopback)
        } else {
            self.init(host: host, policy: .secure)
        }
    }

    /// `https://host[:port]`: the first base URL to try.
    var primaryBase: String { "https://\(host)" }

    /// `http://host[:port]`, when this policy allows plain HTTP at all.
    var fallbackBase: String? { policy == .secure ? nil : "http://\(host)" }

    /// Whether HTTPS certificate checks are skipped (insecure registries only).
    var skipsVerification: Bool { policy == .insecure }

    /// Whether a failed HTTPS attempt with `kind` may be retried over plain HTTP.
    func fallsBack(after kind: TransportError.Kind) -> Bool {
        switch policy {
        case .secure:
            return false
        case .loopback:
            // Only "the server speaks HTTP": a certificate problem on loopback stays a finding.
            return kind == .httpOnHTTPS || kind == .connectionReset
        case .insecure:
            switch kind {
            case .httpOnHTTPS, .connectionReset, .connectionRefused, .tlsOther, .tlsExpired, .tlsNameMismatch,
                 .tlsUnknownAuthority:
                return true
            default:
                return false
            }
        }
    }

    /// `localhost`, any `127.x.y.z`, `::1` (bracketed or not).
    static func isLoopback(_ hostname: String) -> Bool {
        let name = hostname.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if name == "localhost" || name == "::1" || name == "0:0:0:0:0:0:0:1" { return true }
        let octets = name.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4, octets.allSatisfy({ UInt8($0) != nil }) else { return false }
        return octets[0] == "127"
    }
}
