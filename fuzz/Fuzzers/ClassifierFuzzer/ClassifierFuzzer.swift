import Diagnosis
import FuzzSupport

/// The classifier is built once: its rule table is immutable and it holds no per-call state.
private let classifier = MessageClassifier()

/// libFuzzer entry point for the message classifier (kubelet waiting messages and event text).
///
/// The classifier promises it "never traps on any input". Properties checked: the category always
/// matches the reason, every verdict names the rule that decided, and the byte path
/// (`classify(utf8:)`, used on raw event bodies) agrees with the `String` path on valid UTF-8.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMessageClassifier(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    let fromBytes = classifier.classify(utf8: input.bytes)
    FuzzProperty.require(fromBytes.category == fromBytes.reason.category,
                         "category \(fromBytes.category) does not match reason \(fromBytes.reason)")
    FuzzProperty.require(!fromBytes.rule.isEmpty, "a verdict without a rule name")
    FuzzProperty.require(!fromBytes.summary.isEmpty, "a verdict without a summary")
    if let text = input.validText {
        let fromText = classifier.classify(text)
        FuzzProperty.require(fromText == fromBytes,
                             "classify(String) said \(fromText.reason) by \(fromText.rule); "
                                + "classify(utf8:) said \(fromBytes.reason) by \(fromBytes.rule)")
    }
    return 0
}

/// Runs libFuzzer on fuzzMessageClassifier(_:_:); see FuzzDriver for why the fuzzer owns `main`.
@main
enum ClassifierFuzzerMain {
    static func main() {
        FuzzDriver.run(fuzzMessageClassifier)
    }
}
