/// The runtime does not serve the CRI image service the caller asked for ("rpc error: code =
/// Unimplemented desc = unknown service runtime.v1alpha2.ImageService"): the CRI plugin is off.
struct CRIUnimplementedRule: ClassificationRule {
    let unknownService = Phrase("unknown service runtime.")

    func evaluate(_ message: NormalizedMessage) -> Classification? {
        guard message.grpcCode == .unimplemented || message.contains(unknownService) else { return nil }
        return Classification(.criUnimplemented, .medium,
                              "The container runtime does not serve the CRI image API (is its CRI plugin disabled?).")
    }
}
