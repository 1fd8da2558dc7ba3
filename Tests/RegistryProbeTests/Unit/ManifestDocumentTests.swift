@testable import Registry
import Testing

@Suite struct ManifestDocumentTests {
    @Test func indexPlatformsSkipAttestations() throws {
        // The shape BuildKit gives a multi-platform image with provenance: an unknown/unknown entry per image.
        let index = """
            {"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[
              {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:a","size":1,"platform":{"architecture":"amd64","os":"linux"}},
              {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:b","size":1,"platform":{"architecture":"arm64","os":"linux","variant":"v8"}},
              {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:c","size":1,"platform":{"architecture":"unknown","os":"unknown"},
               "annotations":{"vnd.docker.reference.type":"attestation-manifest"}}]}
            """
        let platforms = try #require(ManifestDocument.indexPlatforms(Array(index.utf8)))
        #expect(platforms.map(\.description) == ["linux/amd64", "linux/arm64/v8"])
        #expect(ManifestDocument.kind(contentType: nil, body: Array(index.utf8)) == .index)
    }

    @Test(arguments: [
        ("application/vnd.oci.image.index.v1+json", ManifestDocument.Kind.index),
        ("application/vnd.docker.distribution.manifest.list.v2+json", .index),
        ("application/vnd.oci.image.manifest.v1+json; charset=utf-8", .image),
        ("application/vnd.docker.distribution.manifest.v2+json", .image),
        ("application/json", .unknown),
    ])
    func kindFromContentType(contentType: String, kind: ManifestDocument.Kind) {
        #expect(ManifestDocument.kind(contentType: contentType) == kind)
    }

    @Test func configAndSchema1Platforms() {
        let config = #"{"architecture":"arm","os":"linux","variant":"v7","rootfs":{"type":"layers","diff_ids":[]}}"#
        #expect(ManifestDocument.configPlatform(Array(config.utf8)) == ImagePlatform(os: "linux", architecture: "arm", variant: "v7"))
        let schema1 = #"{"schemaVersion":1,"name":"a","tag":"v1","architecture":"amd64","fsLayers":[]}"#
        #expect(ManifestDocument.configPlatform(Array(schema1.utf8))?.description == "linux/amd64")
        #expect(ManifestDocument.configPlatform(Array("{}".utf8)) == nil)
    }

    @Test func acceptListsAllFourMediaTypes() {
        for type in [ManifestDocument.ociIndex, ManifestDocument.ociManifest, ManifestDocument.dockerList, ManifestDocument.dockerManifest] {
            #expect(ManifestDocument.accept.contains(type))
        }
    }
}
