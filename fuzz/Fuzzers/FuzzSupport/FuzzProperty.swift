#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Invariants a fuzzer checks on every input, beyond "does not crash".
///
/// A broken invariant aborts the process: libFuzzer treats the abort like any other crash, saves the
/// input (`crash-<sha1>` under `-artifact_prefix`) and stops, so a wrong answer is caught exactly as a
/// trap would be.
public enum FuzzProperty {
    /// Aborts with `message` on standard error when `condition` is false.
    ///
    /// The message is written with `write(2)` rather than `print`, which buffers: an abort right
    /// after a buffered print would lose the explanation.
    public static func require(_ condition: Bool, _ message: @autoclosure () -> String,
                               file: StaticString = #fileID, line: UInt = #line) {
        guard !condition else { return }
        let text = "fuzz property failed at \(file):\(line): \(message())\n"
        _ = text.utf8CString.withUnsafeBufferPointer { buffer in
            write(2, buffer.baseAddress, buffer.count - 1)
        }
        abort()
    }
}
