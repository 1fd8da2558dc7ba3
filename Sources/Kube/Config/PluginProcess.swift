import Foundation
import Synchronization

/// Runs a credential plugin to completion with a bounded run time and bounded output, without blocking a
/// thread of the concurrency pool: the process's exit and its pipes are observed through Foundation's
/// handlers, and the caller awaits a continuation.
///
/// At the time limit the plugin gets SIGTERM and, a second later, SIGKILL: a child started from a Dispatch
/// or concurrency-pool thread inherits that thread's signal mask, in which SIGTERM is blocked (seen on Linux
/// with Swift 6.3), so only SIGKILL is sure to end it.
struct PluginProcess {
    /// How the run ended.
    enum Outcome: Sendable {
        /// The process exited (or died of a signal) with this status.
        case exited(status: Int32, stdout: Data, stderr: Data)
        /// The time limit passed; the process was terminated.
        case timedOut(stderr: Data)
        /// The process could not be started.
        case launchFailed(String)
    }

    var executable: String
    var arguments: [String]
    var environment: [String: String]
    var timeout: Duration
    /// Output kept per stream; the rest is dropped (a credential is a few KiB).
    var maxOutputBytes = 1 << 20

    func run() async -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        let run = PluginRun(process: process, limit: maxOutputBytes)
        return await withCheckedContinuation { continuation in
            run.start(continuation: continuation, stdout: stdout, stderr: stderr, timeout: timeout)
        }
    }
}

/// The state of one run, shared by the pipe handlers, the termination handler and the timer.
private final class PluginRun: @unchecked Sendable {
    private struct State {
        var stdout = Data()
        var stderr = Data()
        var stdoutClosed = false
        var stderrClosed = false
        var exitStatus: Int32?
        var continuation: CheckedContinuation<PluginProcess.Outcome, Never>?
        /// The time-limit task, cancelled once the run has ended so it does not linger.
        var timer: Task<Void, Never>?
    }

    // Process is not Sendable; it is only touched in start() and by the timer's terminate/kill.
    private let process: Process
    private let limit: Int
    private let state = Mutex(State())

    init(process: Process, limit: Int) {
        self.process = process
        self.limit = limit
    }

    func start(continuation: CheckedContinuation<PluginProcess.Outcome, Never>, stdout: Pipe, stderr: Pipe, timeout: Duration) {
        state.withLock { $0.continuation = continuation }
        watch(stdout.fileHandleForReading, isStdout: true)
        watch(stderr.fileHandleForReading, isStdout: false)
        process.terminationHandler = { [self] finished in
            let status = finished.terminationStatus
            state.withLock { $0.exitStatus = status }
            finishIfDone()
            // A grandchild may keep a pipe open after the plugin exits: do not wait for it long.
            Task { [self] in
                try? await Task.sleep(for: .seconds(1))
                finish(force: true)
            }
        }
        do {
            try process.run()
        } catch {
            stdout.fileHandleForReading.readabilityHandler = nil
            stderr.fileHandleForReading.readabilityHandler = nil
            resume(.launchFailed("\(error)"))
            return
        }
        let pid = process.processIdentifier
        let timer = Task { [self] in
            guard (try? await Task.sleep(for: timeout)) != nil, isRunning else { return }
            process.terminate()
            try? await Task.sleep(for: .seconds(1))
            if isRunning { kill(pid, SIGKILL) }
            let stderrText = state.withLock { $0.stderr }
            resume(.timedOut(stderr: stderrText))
        }
        let alreadyDone = state.withLock { state -> Bool in
            state.timer = timer
            return state.continuation == nil
        }
        if alreadyDone { timer.cancel() }
    }

    private var isRunning: Bool {
        state.withLock { $0.continuation != nil && $0.exitStatus == nil }
    }

    private func watch(_ handle: FileHandle, isStdout: Bool) {
        handle.readabilityHandler = { [self] handle in
            let chunk = handle.availableData
            if chunk.isEmpty {
                handle.readabilityHandler = nil
                state.withLock { if isStdout { $0.stdoutClosed = true } else { $0.stderrClosed = true } }
                finishIfDone()
                return
            }
            state.withLock { state in
                if isStdout {
                    if state.stdout.count < limit { state.stdout.append(chunk.prefix(limit - state.stdout.count)) }
                } else if state.stderr.count < limit {
                    state.stderr.append(chunk.prefix(limit - state.stderr.count))
                }
            }
        }
    }

    private func finishIfDone() {
        finish(force: false)
    }

    private func finish(force: Bool) {
        let outcome: PluginProcess.Outcome? = state.withLock { state in
            guard let status = state.exitStatus, force || (state.stdoutClosed && state.stderrClosed) else { return nil }
            return .exited(status: status, stdout: state.stdout, stderr: state.stderr)
        }
        if let outcome { resume(outcome) }
    }

    /// Resumes the caller once; later outcomes are dropped.
    private func resume(_ outcome: PluginProcess.Outcome) {
        let (continuation, timer) = state.withLock { state in
            defer { state.continuation = nil }
            return (state.continuation, state.timer)
        }
        timer?.cancel()
        continuation?.resume(returning: outcome)
    }
}
