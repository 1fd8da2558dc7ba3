import Foundation

/// A read-only bind mount of a folder (`mount --bind -o ro`), the way to make a file unwritable for
/// root, whom `chmod 0444` does not stop. Needs root and CAP_SYS_ADMIN; `isAvailable` tells.
struct ReadOnlyMount {
    /// Where the read-only view is mounted.
    let mountPoint: URL

    /// Mounts `source` read-only at `mountPoint` (created when missing).
    init(source: URL, at mountPoint: URL) throws {
        try FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: true)
        try Self.run(["--bind", "-o", "ro", source.path, mountPoint.path])
        self.mountPoint = mountPoint
    }

    /// Makes the view writable again, in place (as an operator fixing the volume would).
    func remountWritable() throws {
        try Self.run(["-o", "remount,bind,rw", mountPoint.path])
    }

    /// Unmounts.
    func unmount() {
        try? Self.run([mountPoint.path], tool: "/bin/umount")
    }

    /// Whether this process may make read-only bind mounts: tried once on two empty folders.
    static let isAvailable: Bool = {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/bin/mount") else { return false }
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("pulldoctor-ro-probe-\(getpid())")
        defer { try? FileManager.default.removeItem(at: base) }
        do {
            let source = base.appendingPathComponent("source")
            try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
            let mount = try ReadOnlyMount(source: source, at: base.appendingPathComponent("view"))
            defer { mount.unmount() }
            // The mount must really refuse writes.
            return !FileManager.default.createFile(atPath: mount.mountPoint.appendingPathComponent("x").path,
                                                   contents: Data())
        } catch {
            return false
        }
    }()

    private struct Failed: Error {
        let status: Int32
    }

    private static func run(_ arguments: [String], tool: String = "/bin/mount") throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failed(status: process.terminationStatus) }
    }
}
