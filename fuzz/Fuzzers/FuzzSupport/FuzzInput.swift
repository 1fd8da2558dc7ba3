/// The bytes libFuzzer hands to `LLVMFuzzerTestOneInput`, with the views the fuzzers need.
public struct FuzzInput {
    /// The input, borrowed from libFuzzer for the duration of one call.
    public let bytes: UnsafeBufferPointer<UInt8>

    /// Wraps libFuzzer's pointer and size (a null pointer comes with size 0).
    public init(_ data: UnsafePointer<UInt8>?, _ size: Int) {
        bytes = UnsafeBufferPointer(start: size > 0 ? data : nil, count: size)
    }

    /// The input as text; invalid UTF-8 becomes U+FFFD, as it does when the service reads a body.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The input as text only when it is valid UTF-8, for properties that compare a byte path with a
    /// `String` path (the two may rightly differ on repaired input).
    public var validText: String? { String(validating: bytes, as: UTF8.self) }

    /// The first byte as a selector among `count` modes, and the rest of the input.
    ///
    /// Lets one fuzzer drive several entry points while libFuzzer still learns which byte picks which.
    public func split(modes count: Int) -> (mode: Int, rest: UnsafeBufferPointer<UInt8>) {
        guard let first = bytes.first, count > 0 else { return (0, bytes) }
        return (Int(first) % count, UnsafeBufferPointer(rebasing: bytes.dropFirst()))
    }
}
