import Foundation

/// The parts of a manifest the probe reads: for an index (OCI image index, Docker manifest list) the
/// platforms it lists; for a single image manifest its config blob; for a config blob its platform.
enum ManifestDocument {
    /// OCI image index.
    static let ociIndex = "application/vnd.oci.image.index.v1+json"
    /// OCI image manifest.
    static let ociManifest = "application/vnd.oci.image.manifest.v1+json"
    /// Docker manifest list.
    static let dockerList = "application/vnd.docker.distribution.manifest.list.v2+json"
    /// Docker image manifest, schema 2.
    static let dockerManifest = "application/vnd.docker.distribution.manifest.v2+json"

    /// The `Accept` value of every manifest request. Without it, distribution answers a HEAD for an
    /// existing image with 404 (OCI) or 400 (schema 2), so it is always sent.
    static let accept = [ociIndex, ociManifest, dockerList, dockerManifest].joined(separator: ", ")

    /// What kind of manifest a response holds.
    enum Kind: String {
        case index
        case image
        case unknown
    }

    /// The kind from the `Content-Type` (parameters ignored) and, failing that, the body's own `mediaType`
    /// or shape (`manifests` means an index, `config` an image).
    static func kind(contentType: String?, body: [UInt8]? = nil) -> Kind {
        let type = contentType?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        switch type {
        case ociIndex, dockerList: return .index
        case ociManifest, dockerManifest: return .image
        default: break
        }
        guard let body, let shape = try? JSONDecoder().decode(Shape.self, from: Data(body)) else { return .unknown }
        if let mediaType = shape.mediaType, mediaType != type { return kind(contentType: mediaType) }
        if shape.manifests != nil { return .index }
        if shape.config != nil { return .image }
        return .unknown
    }

    /// The platforms an index lists, in order, without attestation placeholders (`unknown/unknown`);
    /// `nil` when the body is not an index.
    static func indexPlatforms(_ body: [UInt8]) -> [ImagePlatform]? {
        guard let shape = try? JSONDecoder().decode(Shape.self, from: Data(body)), let manifests = shape.manifests else {
            return nil
        }
        return manifests.compactMap { $0.platform?.platform }.filter { !$0.isPlaceholder }
    }

    /// The config blob's digest and media type of an image manifest.
    static func configDescriptor(_ body: [UInt8]) -> (digest: String, mediaType: String?)? {
        guard let shape = try? JSONDecoder().decode(Shape.self, from: Data(body)),
              let digest = shape.config?.digest, !digest.isEmpty else { return nil }
        return (digest, shape.config?.mediaType)
    }

    /// The platform of an image config blob (`os`, `architecture`, `variant` at the top level), or of a
    /// schema 1 manifest (`architecture` only, Linux implied by the format).
    static func configPlatform(_ body: [UInt8]) -> ImagePlatform? {
        guard let fields = try? JSONDecoder().decode(PlatformFields.self, from: Data(body)),
              let architecture = fields.architecture, !architecture.isEmpty else { return nil }
        return ImagePlatform(os: fields.os ?? "linux", architecture: architecture, variant: fields.variant)
    }

    private struct Shape: Decodable {
        var mediaType: String?
        var manifests: [Descriptor]?
        var config: Descriptor?
    }

    private struct Descriptor: Decodable {
        var mediaType: String?
        var digest: String?
        var platform: PlatformFields?
    }

    private struct PlatformFields: Decodable {
        var os: String?
        var architecture: String?
        var variant: String?

        var platform: ImagePlatform? {
            guard let os, let architecture else { return nil }
            return ImagePlatform(os: os, architecture: architecture, variant: variant)
        }
    }
}
