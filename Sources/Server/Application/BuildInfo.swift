import Foundation

/// Version and revision reported by `--version` and `pulldoctor_build_info`.
public enum BuildInfo {
    /// The release version.
    public static let version = "0.1.0"
    /// The source revision: `PULLDOCTOR_REVISION` set at build time by `make` and the Dockerfile
    /// through the environment of the running binary, else "unknown".
    public static let revision: String = ProcessInfo.processInfo.environment["PULLDOCTOR_REVISION"] ?? "unknown"
}
