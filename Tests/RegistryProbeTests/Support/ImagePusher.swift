import CurlClient
import Foundation
@testable import Registry

/// Pushes small images with plain registry API calls: blob uploads (POST, then PUT with the digest),
/// then the manifest PUT. What `docker push` does, minus the layers' size.
struct ImagePusher {
    let transport: any HTTPTransport
    /// `http://127.0.0.1:PORT` or `https://...`.
    let base: String
    var basicAuth: (username: String, password: Secret)?
    var tls = TLSOptions()

    struct PushFailure: Error, CustomStringConvertible {
        let description: String
    }

    /// A pushed manifest: its digest, size and media type, for an index to point at.
    struct Pushed {
        let digest: String
        let size: Int
        let mediaType: String
    }

    private func send(_ method: String, _ url: String, headers: [(name: String, value: String)] = [],
                      body: [UInt8]? = nil) async throws -> HTTPResponse {
        var request = HTTPRequest(method: method, url: url, headers: headers, body: body, connectTimeout: .seconds(3),
                                  timeout: .seconds(10), tls: tls, proxy: .none)
        request.basicAuth = basicAuth
        return try await transport.send(request)
    }

    /// Uploads a blob and returns its digest.
    @discardableResult
    func pushBlob(_ repository: String, _ bytes: [UInt8]) async throws -> String {
        let digest = SHA256.digest(bytes)
        let start = try await send("POST", "\(base)/v2/\(repository)/blobs/uploads/")
        guard start.status == 202, let location = start.header("Location") else {
            throw PushFailure(description: "upload start for \(repository): HTTP \(start.status) \(start.text)")
        }
        let absolute = location.hasPrefix("http") ? location : base + location
        let separator = absolute.contains("?") ? "&" : "?"
        let put = try await send("PUT", "\(absolute)\(separator)digest=\(digest)",
                                 headers: [("Content-Type", "application/octet-stream")], body: bytes)
        guard put.status == 201 else {
            throw PushFailure(description: "blob PUT for \(repository): HTTP \(put.status) \(put.text)")
        }
        return digest
    }

    /// Puts a manifest under `reference` (a tag or its digest).
    @discardableResult
    func putManifest(_ repository: String, _ reference: String, mediaType: String, _ bytes: [UInt8]) async throws -> Pushed {
        let response = try await send("PUT", "\(base)/v2/\(repository)/manifests/\(reference)",
                                      headers: [("Content-Type", mediaType)], body: bytes)
        guard response.status == 201 else {
            throw PushFailure(description: "manifest PUT \(repository):\(reference): HTTP \(response.status) \(response.text)")
        }
        return Pushed(digest: SHA256.digest(bytes), size: bytes.count, mediaType: mediaType)
    }

    /// Pushes a one-layer OCI image whose config names `platform`, tagged `tag`.
    @discardableResult
    func pushImage(_ repository: String, tag: String, platform: ImagePlatform) async throws -> Pushed {
        var config: [String: Any] = [
            "os": platform.os, "architecture": platform.architecture,
            "rootfs": ["type": "layers", "diff_ids": [] as [String]],
        ]
        if let variant = platform.variant { config["variant"] = variant }
        let configBytes = Array(try JSONSerialization.data(withJSONObject: config, options: [.sortedKeys]))
        let layerBytes = Array("layer of \(repository):\(tag) for \(platform)".utf8)
        let configDigest = try await pushBlob(repository, configBytes)
        let layerDigest = try await pushBlob(repository, layerBytes)
        let manifest: [String: Any] = [
            "schemaVersion": 2,
            "mediaType": ManifestDocument.ociManifest,
            "config": ["mediaType": "application/vnd.oci.image.config.v1+json", "digest": configDigest,
                       "size": configBytes.count],
            "layers": [["mediaType": "application/vnd.oci.image.layer.v1.tar", "digest": layerDigest,
                        "size": layerBytes.count]],
        ]
        let bytes = Array(try JSONSerialization.data(withJSONObject: manifest, options: [.sortedKeys]))
        return try await putManifest(repository, tag, mediaType: ManifestDocument.ociManifest, bytes)
    }

    /// Pushes an OCI image index listing `entries` (already pushed manifests) with their platforms.
    @discardableResult
    func pushIndex(_ repository: String, tag: String, entries: [(Pushed, ImagePlatform)]) async throws -> Pushed {
        let manifests: [[String: Any]] = entries.map { pushed, platform in
            var fields: [String: Any] = ["os": platform.os, "architecture": platform.architecture]
            if let variant = platform.variant { fields["variant"] = variant }
            return ["mediaType": pushed.mediaType, "digest": pushed.digest, "size": pushed.size, "platform": fields]
        }
        let index: [String: Any] = ["schemaVersion": 2, "mediaType": ManifestDocument.ociIndex, "manifests": manifests]
        let bytes = Array(try JSONSerialization.data(withJSONObject: index, options: [.sortedKeys]))
        return try await putManifest(repository, tag, mediaType: ManifestDocument.ociIndex, bytes)
    }
}
