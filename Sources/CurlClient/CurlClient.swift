import CCurl
import Foundation
import Synchronization

/// The project's HTTP client: libcurl's multi interface driven by one dedicated thread.
///
/// Why a dedicated thread: blocking curl calls on a `DispatchQueue` or on Swift's cooperative pool share
/// libdispatch's workers on Linux, and a few hundred hanging probes starve the HTTP server's handlers.
/// Here a single `Thread` owns the multi handle and loops on `curl_multi_poll`; callers only enqueue a
/// transfer under a lock and `curl_multi_wakeup` the loop, then await a continuation. No caller thread
/// ever blocks on the network.
///
/// Connections are reused through the multi handle's connection cache; concurrency is bounded by
/// `maxConnections` in total and `maxConnectionsPerHost` per host (further transfers wait inside curl).
public final class CurlClient: HTTPTransport, @unchecked Sendable {
    /// Work handed from callers to the loop thread.
    private struct Inbox {
        var toStart: [CurlTransfer] = []
        var stopping = false
    }

    private let multi: UnsafeMutableRawPointer
    private let inbox = Mutex(Inbox())
    private let loopDone = DispatchSemaphore(value: 0)
    /// Transfers in flight, keyed by identity. Touched by the loop thread only.
    private var running: [ObjectIdentifier: CurlTransfer] = [:]

    /// Starts the loop thread.
    /// - Parameters:
    ///   - maxConnections: cap on open connections across all hosts (default 64).
    ///   - maxConnectionsPerHost: cap per host, so a storm never hammers one server (default 16).
    public init(maxConnections: Int = 64, maxConnectionsPerHost: Int = 16) {
        CurlGlobal.initialize()
        guard let handle = curl_multi_init() else {
            // Only an allocation failure makes curl_multi_init return NULL.
            preconditionFailure("curl_multi_init failed: out of memory")
        }
        multi = handle
        _ = pd_multi_setopt_long(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, maxConnections)
        _ = pd_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, maxConnectionsPerHost)
        let thread = Thread { [self] in self.loop() }
        thread.name = "pulldoctor-curl"
        thread.start()
    }

    /// Stops the loop: transfers still in flight fail with `.cancelled`. Waits for the thread to finish.
    public func shutdown() {
        let already = inbox.withLock { state -> Bool in
            defer { state.stopping = true }
            return state.stopping
        }
        guard !already else { return }
        curl_multi_wakeup(multi)
        loopDone.wait()
    }

    deinit {
        shutdown()
        curl_multi_cleanup(multi)
    }

    public func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
        let transfer = try CurlTransfer(request: request)
        if Task.isCancelled {
            throw TransportError(kind: .cancelled, detail: "the caller cancelled the request", host: transfer.host)
        }
        let result: Result<HTTPResponse, TransportError> = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                transfer.onFinish = { continuation.resume(returning: $0) }
                let accepted = inbox.withLock { state -> Bool in
                    guard !state.stopping else { return false }
                    state.toStart.append(transfer)
                    return true
                }
                if accepted {
                    curl_multi_wakeup(multi)
                } else {
                    transfer.finish(.failure(TransportError(kind: .cancelled, detail: "the HTTP client is shut down", host: transfer.host)))
                }
            }
        } onCancel: {
            // The loop sees the flag on its next pass, whether or not it has started the transfer yet.
            transfer.cancelled.store(true, ordering: .relaxed)
            curl_multi_wakeup(multi)
        }
        return try result.get()
    }

    /// The loop thread: starts queued transfers, drives curl, completes finished ones.
    private func loop() {
        var stillRunning: Int32 = 0
        while true {
            let work = inbox.withLock { state -> Inbox in
                defer { state.toStart.removeAll() }
                return state
            }
            for transfer in work.toStart {
                running[ObjectIdentifier(transfer)] = transfer
                let code = curl_multi_add_handle(multi, transfer.easy)
                if code != CURLM_OK {
                    complete(transfer, code: CURLE_FAILED_INIT)
                }
            }
            for transfer in Array(running.values) where transfer.cancelled.load(ordering: .relaxed) {
                complete(transfer, code: CURLE_ABORTED_BY_CALLBACK)
            }
            if work.stopping {
                for transfer in Array(running.values) {
                    complete(transfer, code: CURLE_ABORTED_BY_CALLBACK)
                }
                loopDone.signal()
                return
            }
            curl_multi_perform(multi, &stillRunning)
            var easy: UnsafeMutableRawPointer?
            var code = CURLE_OK
            while true {
                let status = pd_multi_info_read(multi, &easy, &code)
                if status == 0 { break }
                guard status == 1, let easy,
                      let transfer = running.values.first(where: { $0.easy == easy }) else { continue }
                complete(transfer, code: code)
            }
            // Sleeps until a socket is ready, a wakeup arrives, or curl's next timer is due.
            curl_multi_poll(multi, nil, 0, 1000, nil)
        }
    }

    private func complete(_ transfer: CurlTransfer, code: CURLcode) {
        guard running.removeValue(forKey: ObjectIdentifier(transfer)) != nil else { return }
        curl_multi_remove_handle(multi, transfer.easy)
        transfer.finish(transfer.result(code: code))
    }
}

/// curl_global_init must run once before any other call.
enum CurlGlobal {
    private static let once: Void = {
        curl_global_init(Int(CURL_GLOBAL_ALL))
    }()

    static func initialize() { _ = once }
}
