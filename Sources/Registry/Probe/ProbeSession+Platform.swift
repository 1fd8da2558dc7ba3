import CurlClient
import Foundation

/// The platform check: an index lists its platforms; a single image manifest names its platform in its
/// config blob. Failing to read either is a caveat on an `ok`, never a verdict of its own: the image
/// was found.
extension ProbeSession {
    func checkPlatform(_ manifest: FetchedManifest) async throws(ProbeStop) {
        switch manifest.kind {
        case .index:
            guard platform != nil || options.listIndexPlatforms else { return }
            guard let body = await manifestBody(manifest) else { return }
            guard let platforms = ManifestDocument.indexPlatforms(body) else {
                caveats.append("its index could not be read to list platforms")
                return
            }
            result.platforms = platforms
        case .image, .unknown:
            guard platform != nil, options.inspectImageConfig else { return }
            guard let body = await manifestBody(manifest) else { return }
            if let own = ManifestDocument.configPlatform(body) {
                // Schema 1 manifests carry their architecture themselves.
                result.platforms = [own]
            } else if let config = ManifestDocument.configDescriptor(body), let found = await configPlatform(config) {
                result.platforms = [found]
            } else {
                return
            }
        }
        guard let wanted = platform, !result.platforms.isEmpty else { return }
        let available = result.platforms.contains { wanted.canRun($0) }
        result.platformAvailable = available
        if !available {
            let listed = result.platforms.map(\.description).joined(separator: ", ")
            let source = manifest.kind == .index ? "its index lists" : "its config says"
            // containerd's wording for an index without the node's platform is "no match for platform in
            // manifest: not found" (seen in github.com/FoundationDB/fdb-kubernetes-operator/issues/2294).
            let runtime = manifest.kind == .index
                ? "containerd fails the pull with \"no match for platform in manifest\""
                : "a node of that platform cannot run it"
            throw ProbeStop(.platformMissing, "\(imageName) exists, but not for \(wanted): \(source) \(listed); "
                + runtime, status: manifest.status)
        }
    }

    /// The manifest body: the one already fetched, or a GET by digest (so a tag moving meanwhile does
    /// not mix two manifests).
    private func manifestBody(_ manifest: FetchedManifest) async -> [UInt8]? {
        if let body = manifest.body { return body }
        let url = result.digest.map { "\(base)/v2/\(reference.repository)/manifests/\($0)" } ?? manifestURL
        do {
            let response = try await authorizedSend("GET", url, headers: [("Accept", ManifestDocument.accept)],
                                                    maxBytes: 4 << 20, what: "the manifest body request")
            guard (200..<300).contains(response.status) else {
                caveats.append("the manifest body could not be read to check platforms (HTTP \(response.status))")
                return nil
            }
            return response.body
        } catch {
            caveats.append("the platforms could not be checked: \(error.reason)")
            return nil
        }
    }

    /// The config blob's platform. Blob reads are commonly redirected to object storage; curl drops
    /// the Authorization header when a redirect leaves the host, as the storage expects.
    private func configPlatform(_ config: (digest: String, mediaType: String?)) async -> ImagePlatform? {
        let url = "\(base)/v2/\(reference.repository)/blobs/\(config.digest)"
        let accept = config.mediaType ?? "application/vnd.oci.image.config.v1+json"
        do {
            let response = try await authorizedSend("GET", url, headers: [("Accept", accept)], followRedirects: true,
                                                    maxBytes: 8 << 20, what: "the config blob request")
            guard (200..<300).contains(response.status), let found = ManifestDocument.configPlatform(response.body) else {
                caveats.append("the image config could not be read to check the platform (HTTP \(response.status))")
                return nil
            }
            return found
        } catch {
            caveats.append("the platform could not be checked: \(error.reason)")
            return nil
        }
    }
}
