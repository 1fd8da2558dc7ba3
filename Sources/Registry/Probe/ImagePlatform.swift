import Foundation

/// An image platform: `os/architecture[/variant]`, as in an OCI index's `platform` object or an image
/// config's `os`, `architecture` and `variant` fields.
///
/// Values keep their spelling as found; ``normalized`` and ``canRun(_:)`` apply containerd's
/// normalisation (github.com/containerd/platforms): `aarch64` is `arm64`, `x86_64` is `amd64`,
/// `arm64` variant `v8` is the same as no variant, `amd64` variant `v1` likewise, and plain `arm` means `v7`.
public struct ImagePlatform: Codable, Sendable, Hashable, CustomStringConvertible {
    /// The operating system, e.g. `linux`, `windows`.
    public var os: String
    /// The CPU architecture, e.g. `amd64`, `arm64`, `arm`.
    public var architecture: String
    /// The CPU variant, e.g. `v7` for `arm`, `v8` for `arm64`, or `nil`.
    public var variant: String?

    /// A platform from its parts; an empty variant counts as none.
    public init(os: String, architecture: String, variant: String? = nil) {
        self.os = os
        self.architecture = architecture
        self.variant = variant.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Parses `os/arch[/variant]` (`linux/arm64/v8`, `linux/amd64`); `nil` when it has not 2 or 3 non-empty parts.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard (2...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty }) else { return nil }
        self.init(os: parts[0], architecture: parts[1], variant: parts.count == 3 ? parts[2] : nil)
    }

    /// `linux/arm64/v8` or `linux/amd64`.
    public var description: String {
        [os, architecture, variant].compactMap { $0 }.joined(separator: "/")
    }

    /// Whether this is the placeholder of an attestation or signature manifest (`unknown/unknown`),
    /// which BuildKit puts in an index beside the real platforms.
    public var isPlaceholder: Bool {
        os.lowercased() == "unknown" || architecture.lowercased() == "unknown"
    }

    /// The canonical spelling: lower case, architecture aliases resolved, default variants dropped.
    public var normalized: ImagePlatform {
        let os = self.os.lowercased()
        var architecture = self.architecture.lowercased()
        var variant = self.variant?.lowercased()
        switch architecture {
        case "x86_64", "x86-64", "amd64":
            architecture = "amd64"
            if variant == "v1" { variant = nil }
        case "aarch64", "arm64":
            architecture = "arm64"
            if variant == "v8" || variant == "8" { variant = nil }
        case "armhf":
            (architecture, variant) = ("arm", "v7")
        case "armel":
            (architecture, variant) = ("arm", "v6")
        case "arm":
            if variant == nil { variant = "v7" } else if let v = variant, !v.hasPrefix("v") { variant = "v" + v }
        case "i386", "i686", "x86":
            architecture = "386"
        default:
            break
        }
        return ImagePlatform(os: os, architecture: architecture, variant: variant)
    }

    /// Whether a node of this platform (the wanted one) runs an image built for `image`.
    ///
    /// OS and architecture must be equal after normalisation. Variants follow containerd's ladders:
    /// an `arm/v8` or `arm/v7` node also runs older `arm` variants, an `amd64/v3` node runs `v2` and
    /// `v1` images; elsewhere variants must be equal.
    public func canRun(_ image: ImagePlatform) -> Bool {
        let node = normalized
        let candidate = image.normalized
        guard node.os == candidate.os, node.architecture == candidate.architecture else { return false }
        if node.variant == candidate.variant { return true }
        switch node.architecture {
        case "arm", "amd64":
            let nodeLevel = Self.level(node.variant) ?? 1
            let imageLevel = Self.level(candidate.variant) ?? 1
            return imageLevel <= nodeLevel
        default:
            return false
        }
    }

    /// `v7` → 7; `nil` for no variant or one that is not `v<number>`.
    private static func level(_ variant: String?) -> Int? {
        guard let variant, variant.hasPrefix("v") else { return nil }
        return Int(variant.dropFirst())
    }
}
