#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// The standard `process_*` metrics, read from /proc/self as Prometheus's client libraries do.
struct ProcessMetrics {
    var cpuSeconds: Double = 0
    var residentBytes: Double = 0
    var virtualBytes: Double = 0
    var startTimeSeconds: Double = 0
    var openFDs: Double = 0
    var maxFDs: Double = 0

    /// Reads the current values; a field that cannot be read stays 0 (and is still exposed).
    static func read() -> ProcessMetrics {
        var metrics = ProcessMetrics()
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        let pageSize = Double(sysconf(Int32(_SC_PAGESIZE)))
        if let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
           let close = stat.lastIndex(of: ")") {
            // Fields after the command name; the name may hold spaces, so split after the last ")".
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            // fields[0] is field 3 (state): utime is field 14, stime 15, starttime 22, vsize 23, rss 24.
            func field(_ number: Int) -> Double { Double(fields[number - 3]) ?? 0 }
            if fields.count >= 22 {
                metrics.cpuSeconds = (field(14) + field(15)) / ticks
                metrics.virtualBytes = field(23)
                metrics.residentBytes = field(24) * pageSize
                metrics.startTimeSeconds = bootTime() + field(22) / ticks
            }
        }
        metrics.openFDs = Double((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? 0)
        var limit = rlimit()
        if getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 { metrics.maxFDs = Double(limit.rlim_cur) }
        return metrics
    }

    private static func bootTime() -> Double {
        guard let stat = try? String(contentsOfFile: "/proc/stat", encoding: .utf8) else { return 0 }
        for line in stat.split(separator: "\n") where line.hasPrefix("btime ") {
            return Double(line.dropFirst(6).trimmingCharacters(in: .whitespaces)) ?? 0
        }
        return 0
    }

    func emit(into buffer: inout [UInt8]) {
        func series(_ name: String, _ type: String, _ help: String, _ value: Double) {
            buffer.append(contentsOf: "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n\(name) \(format(value))\n".utf8)
        }
        series("process_cpu_seconds_total", "counter", "Total user and system CPU time spent in seconds.", cpuSeconds)
        series("process_open_fds", "gauge", "Number of open file descriptors.", openFDs)
        series("process_max_fds", "gauge", "Maximum number of open file descriptors.", maxFDs)
        series("process_virtual_memory_bytes", "gauge", "Virtual memory size in bytes.", virtualBytes)
        series("process_resident_memory_bytes", "gauge", "Resident memory size in bytes.", residentBytes)
        series("process_start_time_seconds", "gauge", "Start time of the process since unix epoch in seconds.", startTimeSeconds)
    }

    private func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
