/// The node failed to unpack layers: containerd's "failed to extract layer", "failed to prepare
/// extraction snapshot", "mount callback failed", Docker's "failed to register layer". A local
/// problem (filesystem, snapshotter), not the registry; even with gRPC code NotFound, as when a
/// parent snapshot is missing.
struct SnapshotterRule: ClassificationRule {
    let phrases = [
        Phrase("failed to prepare extraction snapshot"), Phrase("failed to extract layer"), Phrase("mount callback failed"),
        Phrase("failed to unpack image on snapshotter"), Phrase("failed to register layer"),
    ]

    func evaluate(_ message: NormalizedMessage) -> Classification? {
        guard message.containsAny(phrases) else { return nil }
        return Classification(.snapshotterError, .medium,
                              "Unpacking \(message.facts.imageForSummary) on the node failed: a snapshotter or "
                                  + "filesystem problem, not the registry.")
    }
}
