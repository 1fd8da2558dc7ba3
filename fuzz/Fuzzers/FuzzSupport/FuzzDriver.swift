import CFuzzerDriver
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Starts libFuzzer from a Swift `@main`.
///
/// SwiftPM (tools 5.5 and later) links every executable with `main` aliased to a symbol that the
/// module's own entry point defines; a fuzzer without `@main` therefore fails to link
/// ("undefined symbol '<Target>_main'"), and libFuzzer's own `main` is never used. Each fuzzer thus
/// has a `@main` that hands its `LLVMFuzzerTestOneInput` to `LLVMFuzzerRunDriver`, which accepts the
/// same command line as a stock libFuzzer binary (`CORPUS... -runs=N -seed=S -artifact_prefix=...`).
public enum FuzzDriver {
    /// Runs libFuzzer with the process's arguments and exits with its status.
    public static func run(_ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, testOneInput))
    }
}
