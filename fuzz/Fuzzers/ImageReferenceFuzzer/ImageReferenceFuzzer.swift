import FuzzSupport
import Registry

/// libFuzzer entry point for the image-reference parser (`image:` fields, event messages).
///
/// Any text must parse or throw an ``ImageReferenceError``. Properties checked on a parsed reference:
/// it is normalised (parsing its own description gives it back), its short form parses back to the
/// same reference (as ``ImageReference/familiarName`` documents), the reference the runtime pulls
/// parses, and it carries a tag or a digest.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImageReference(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = FuzzInput(data, size).text
    do {
        let reference = try ImageReference(parsing: text)
        FuzzProperty.require(reference.tag != nil || reference.digest != nil, "neither tag nor digest: \(reference)")
        FuzzProperty.require(!reference.registry.isEmpty && !reference.repository.isEmpty, "empty part in \(reference)")
        let normalised = try? ImageReference(parsing: reference.description)
        FuzzProperty.require(normalised == reference,
                             "\(reference) does not parse back to itself (got \(normalised.map(String.init(describing:)) ?? "an error"))")
        let short = try? ImageReference(parsing: reference.familiarString)
        FuzzProperty.require(short == reference,
                             "short form \(reference.familiarString) does not parse back to \(reference)")
        // What the runtime pulls must itself be a valid reference.
        FuzzProperty.require((try? ImageReference(parsing: reference.pullReference)) != nil,
                             "pull reference \(reference.pullReference) does not parse")
        _ = reference.apiHost
    } catch {
        _ = error.description
    }
    return 0
}

/// Runs libFuzzer on fuzzImageReference(_:_:); see FuzzDriver for why the fuzzer owns `main`.
@main
enum ImageReferenceFuzzerMain {
    static func main() {
        FuzzDriver.run(fuzzImageReference)
    }
}
