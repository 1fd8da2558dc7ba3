import Foundation

/// Why no pull-secret entry supplies credentials for an image (so the kubelet pulls anonymously).
public struct PullSecretMismatch: Hashable, Sendable, CustomStringConvertible {
    /// The bounded cause.
    public enum Reason: String, Sendable, CaseIterable, Hashable {
        /// The pod names no usable image pull secret at all.
        case noSecrets = "no_secrets"
        /// The secrets parse but hold no registry entries.
        case noEntries = "no_entries"
        /// Entries exist, but for other registries.
        case wrongRegistry = "wrong_registry"
        /// An entry names the image's host with a different port (or a port where the image has none).
        case portMismatch = "port_mismatch"
        /// An entry names the image's host and port but a path the repository is not under.
        case pathMismatch = "path_mismatch"
        /// The only secrets given are not of a docker type, and the kubelet ignores them.
        case wrongSecretType = "wrong_secret_type"
        /// The only secrets given cannot be read (see ``PullSecretMismatch/ignoredSecrets``).
        case malformedSecret = "malformed_secret"
    }

    /// The bounded cause.
    public let reason: Reason
    /// The image's registry (`host[:port]`).
    public let registry: String
    /// Every registry key the usable secrets hold, as written, sorted and unique.
    public let availableKeys: [String]
    /// The keys that came closest (same host for a port mismatch; same host and port for a path mismatch).
    public let closestKeys: [String]
    /// Secrets the kubelet would skip: wrong type or unreadable.
    public let ignoredSecrets: [PullSecretError]
    /// What is wrong and how to fix it.
    public let message: String

    init(
        reason: Reason, image: ImageReference, availableKeys: [String], closestKeys: [String],
        ignoredSecrets: [PullSecretError]
    ) {
        self.reason = reason
        self.registry = image.registry
        self.availableKeys = availableKeys
        self.closestKeys = closestKeys
        self.ignoredSecrets = ignoredSecrets
        self.message = Self.message(reason, image: image, available: availableKeys, closest: closestKeys,
                                    ignored: ignoredSecrets)
    }

    /// `no pull-secret entry for myreg.io (wrong_registry): ...`.
    public var description: String { "no pull-secret entry for \(registry) (\(reason.rawValue)): \(message)" }

    private static func message(
        _ reason: Reason, image: ImageReference, available: [String], closest: [String], ignored: [PullSecretError]
    ) -> String {
        let registry = image.registry
        let server = image.isDockerHub ? "https://index.docker.io/v1/" : registry
        let create = "kubectl create secret docker-registry <name> --docker-server=\(server)"
        let list = available.joined(separator: ", ")
        var text: String
        switch reason {
        case .noSecrets:
            text = "the pod names no imagePullSecrets (and its service account adds none), so \(registry) is "
                + "pulled anonymously; create one with \(create) and list it under imagePullSecrets"
        case .noEntries:
            text = "the pull secrets hold no registry entries; recreate them with \(create)"
        case .wrongRegistry:
            text = "the pull secrets have entries for \(list) but none for \(registry); add one with \(create)"
        case .portMismatch:
            let port = image.host.port.map { "port \($0)" } ?? "no port"
            text = "\(closest.joined(separator: ", ")) names the right host but a different port; the image uses "
                + "\(registry) (\(port)) and ports must match exactly; set --docker-server=\(registry)"
        case .pathMismatch:
            text = "\(closest.joined(separator: ", ")) only covers repositories under its path, and "
                + "\(image.repository) is not under it; use --docker-server=\(registry) to cover the whole registry"
        case .wrongSecretType, .malformedSecret:
            text = "no usable pull secret: " + ignored.map(\.message).joined(separator: "; ")
        }
        if reason != .wrongSecretType && reason != .malformedSecret && !ignored.isEmpty {
            text += "; also skipped: " + ignored.map { "\($0.secretName) (\($0.reason.rawValue))" }.joined(separator: ", ")
        }
        return text
    }
}
