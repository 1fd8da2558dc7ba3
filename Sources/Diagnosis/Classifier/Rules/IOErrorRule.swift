/// A node-local I/O error while writing layers (`input/output error`): a failing disk, and in
/// practice sometimes a full one. Not the registry; the category stays unknown.
struct IOErrorRule: ClassificationRule {
    let phrase = Phrase("input/output error")

    func evaluate(_ message: NormalizedMessage) -> Classification? {
        guard message.contains(phrase) else { return nil }
        return Classification(.ioError, .low,
                              "Writing the image on the node failed with an I/O error; check the disk's health and free space.")
    }
}
