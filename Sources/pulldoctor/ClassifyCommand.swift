import ArgumentParser
import Diagnosis
import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `pulldoctor classify`: classify image-pull error messages, one per line on standard input, into
/// one JSON object per line on standard output (same order, one output line per input line).
///
/// Streams: input is read in 64 KiB chunks and the output of each chunk is written before the next
/// read, so it works in a pipe and interactively. Invalid UTF-8 is repaired, `\r\n` accepted, and a
/// line longer than ``maximumLineLength`` is classified on its first bytes (the rest is skipped).
struct ClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Classify image-pull error messages: one per line on stdin, one JSON object per line on stdout.",
        discussion: """
            Each input line is a container waiting message or a "Failed to pull image" event message, as \
            Kubernetes shows it. Each output line has category, reason, confidence (high|medium|low), summary, \
            rule and facts (image, registry_host, http_status, registry_error_code, remote_address, ...).
            """)

    /// Lines are cut here: no real message is near it, and a runaway line must not grow memory.
    static let maximumLineLength = 64 * 1024

    @Flag(name: .customLong("include-message"), help: "Add the input line to each object as \"message\".")
    var includeMessage = false

    func run() throws {
        let classifier = MessageClassifier()
        var pending: [UInt8] = []
        pending.reserveCapacity(4096)
        var skippingRestOfLine = false
        var batch = LineBatch()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)

        while true {
            let count = chunk.withUnsafeMutableBytes { Self.readStandardInput(into: $0) }
            if count < 0 { throw ExitCode(74) }
            if count == 0 { break }
            chunk.withUnsafeBufferPointer { bytes in
                var lineStart = 0
                for index in 0..<count where bytes[index] == UInt8(ascii: "\n") {
                    append(bytes, lineStart..<index, to: &pending, skipping: &skippingRestOfLine)
                    batch.add(&pending)
                    skippingRestOfLine = false
                    lineStart = index + 1
                }
                append(bytes, lineStart..<count, to: &pending, skipping: &skippingRestOfLine)
            }
            // Every complete line of this read is answered before the next read, so a live stream
            // (`kubectl get events -w | pulldoctor classify`) is not held back.
            try Self.writeStandardOutput(batch.classify(classifier, includeMessage: includeMessage))
        }
        if !pending.isEmpty || skippingRestOfLine {
            batch.add(&pending)
            try Self.writeStandardOutput(batch.classify(classifier, includeMessage: includeMessage))
        }
    }

    private func append(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, to pending: inout [UInt8],
                        skipping: inout Bool) {
        guard !skipping, !range.isEmpty else { return }
        let room = Self.maximumLineLength - pending.count
        if range.count > room {
            pending.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range.lowerBound..<(range.lowerBound + room)]))
            skipping = true
        } else {
            pending.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range]))
        }
    }

    private static func readStandardInput(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        while true {
            let count = read(STDIN_FILENO, buffer.baseAddress, buffer.count)
            if count >= 0 || errno != EINTR { return count }
        }
    }

    private static func writeStandardOutput(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw ExitCode(74)
                }
                offset += written
            }
        }
    }
}

/// The complete lines of one read, classified on every core and written in their order.
struct LineBatch {
    private var bytes: [UInt8] = []
    private var ends: [Int] = []

    /// Takes a line (without its newline; a trailing CR is dropped) and empties `line`.
    mutating func add(_ line: inout [UInt8]) {
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        bytes.append(contentsOf: line)
        ends.append(bytes.count)
        line.removeAll(keepingCapacity: true)
    }

    /// One JSON line per line taken, in order; empties the batch.
    mutating func classify(_ classifier: MessageClassifier, includeMessage: Bool) -> [UInt8] {
        defer {
            bytes.removeAll(keepingCapacity: true)
            ends.removeAll(keepingCapacity: true)
        }
        guard !ends.isEmpty else { return [] }
        // Small batches are not worth a thread hop.
        let workers = ends.count < 64 ? 1 : max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        let outputs = UnsafeMutableBufferPointer<[UInt8]>.allocate(capacity: workers)
        outputs.initialize(repeating: [])
        defer { outputs.deinitialize(); outputs.deallocate() }
        let perWorker = (ends.count + workers - 1) / workers
        bytes.withUnsafeBufferPointer { buffer in
            let ends = self.ends
            // Each worker reads its own lines of `all` and writes only its own slot of `outputs`.
            nonisolated(unsafe) let all = buffer
            nonisolated(unsafe) let outputs = outputs
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var out: [UInt8] = []
                out.reserveCapacity(perWorker * 256)
                let first = worker * perWorker
                for index in first..<min(ends.count, first + perWorker) {
                    let start = index == 0 ? 0 : ends[index - 1]
                    let line = UnsafeBufferPointer(rebasing: all[start..<ends[index]])
                    let verdict = classifier.classify(utf8: line)
                    let extra = includeMessage ? [(name: "message", value: String(decoding: line, as: UTF8.self))] : []
                    verdict.appendJSONLine(to: &out, extra: extra)
                }
                outputs[worker] = out
            }
        }
        return outputs.reduce(into: []) { $0.append(contentsOf: $1) }
    }
}
