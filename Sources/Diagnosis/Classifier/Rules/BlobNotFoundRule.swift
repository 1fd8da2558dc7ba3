/// A layer or config blob is missing: containerd's "content digest sha256:...: not found" while
/// unpacking, the registry's `BLOB_UNKNOWN`, or "content at .../blobs/... not found".
struct BlobNotFoundRule: ClassificationRule {
    let contentDigest = Phrase("content digest")
    let notFound = Phrase("not found")
    let blobUnknown = Phrase("blob unknown")
    let contentAtBlob = Phrase("/blobs/")
    let contentAt = Phrase("content at ")

    func evaluate(_ message: NormalizedMessage) -> Classification? {
        let missingDigest = message.contains(contentDigest) && message.contains(notFound)
        let missingBlob = message.contains(contentAt) && message.contains(contentAtBlob) && message.contains(notFound)
        guard missingDigest || missingBlob || message.contains(blobUnknown) else { return nil }
        return Classification(.blobNotFound, .medium,
                              "A layer of \(message.facts.imageForSummary) is missing (on the registry, a mirror or the "
                                  + "node's content store).")
    }
}
