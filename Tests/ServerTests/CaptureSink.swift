import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import Synchronization

/// A webhook sink on 127.0.0.1 that records what it receives, and can fail the first N requests: 503 (a
/// sink that is down for a while), 429 with `Retry-After`, or an answer slower than the client waits.
/// Its `GET /v2/...` routes answer after `registryDelay` (a registry that hangs), for the probe.
final class CaptureSink: Sendable {
    /// How the first `failFirst` requests fail.
    enum Failure: Sendable {
        /// 503 Service Unavailable.
        case unavailable
        /// 429 Too Many Requests with `Retry-After: seconds`.
        case tooManyRequests(retryAfter: Int)
        /// 200, but only after `seconds` (past the sink's timeout; not recorded as delivered).
        case slow(seconds: Int)
        /// 400 Bad Request: refused for good.
        case rejected
    }

    struct Received: Sendable {
        let headers: [String: String]
        let body: Data
    }

    private let group: ServiceGroup
    private let task: Task<Void, any Error>
    let port: Int

    var url: String { "http://127.0.0.1:\(port)/hook" }

    /// - Parameters:
    ///   - port: the port to listen on; 0 picks a free one.
    ///   - answerDelay: how long every answer waits (requests overlap meanwhile; see ``maxConcurrent``).
    static func start(failFirst: Int = 0, failure: Failure = .unavailable, registryDelay: Duration = .zero,
                      port: Int = 0, answerDelay: Duration = .zero) async throws -> CaptureSink {
        let (ports, sink) = AsyncStream.makeStream(of: Int.self)
        let router = Router()
        let capture = StateBox(failFirst: failFirst)
        capture.registryDelay.withLock { $0 = registryDelay }
        router.post("/hook") { request, _ -> Response in
            capture.began()
            defer { capture.ended() }
            if answerDelay > .zero { try? await Task.sleep(for: answerDelay) }
            let body = try await request.body.collect(upTo: 8 << 20)
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }
            if capture.record(Received(headers: headers, body: Data(buffer: body))) { return Response(status: .ok) }
            switch failure {
            case .unavailable:
                return Response(status: .serviceUnavailable)
            case .tooManyRequests(let seconds):
                return Response(status: .tooManyRequests, headers: [.retryAfter: "\(seconds)"])
            case .slow(let seconds):
                try? await Task.sleep(for: .seconds(seconds))
                return Response(status: .ok)
            case .rejected:
                return Response(status: .badRequest)
            }
        }
        // A registry without images: the API root answers 200, every manifest MANIFEST_UNKNOWN (OCI
        // distribution spec error codes), after the registry delay.
        router.get("/v2") { _, _ -> Response in
            try? await Task.sleep(for: capture.registryDelay.withLock { $0 })
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: "{}")))
        }
        router.get("/v2/**") { _, _ -> Response in
            try? await Task.sleep(for: capture.registryDelay.withLock { $0 })
            let body = #"{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown","detail":{}}]}"#
            return Response(status: .notFound, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: body)))
        }
        var logger = Logger(label: "capture")
        logger.logLevel = .error
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)),
                              onServerRunning: { sink.yield($0.localAddress?.port ?? 0) }, logger: logger)
        let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
        let task = Task { try await group.run() }
        var iterator = ports.makeAsyncIterator()
        let port = await iterator.next() ?? 0
        return CaptureSink(group: group, task: task, port: port, capture: capture)
    }

    /// A loopback port free now and left closed (connections to it are refused until something listens).
    static func freePort() async throws -> Int {
        let placeholder = try await start()
        await placeholder.stop()
        return placeholder.port
    }

    private let capture: StateBox

    private init(group: ServiceGroup, task: Task<Void, any Error>, port: Int, capture: StateBox) {
        self.group = group
        self.task = task
        self.port = port
        self.capture = capture
    }

    var deliveries: [Received] { capture.delivered }
    /// When each delivery arrived, in order.
    var deliveredAt: [Date] { capture.deliveredAt }
    var attempts: Int { capture.attempts }
    /// Changes how long the `/v2` (registry) routes wait before answering; `.zero` ends a hang.
    func setRegistryDelay(_ delay: Duration) { capture.registryDelay.withLock { $0 = delay } }

    /// The most requests this sink was answering at once.
    var maxConcurrent: Int { capture.maxConcurrent }

    func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await task.value
    }

    /// Waits (bounded) until `count` deliveries arrived.
    func waitFor(_ count: Int, seconds: Int = 30) async -> Bool {
        for _ in 0..<(seconds * 10) {
            if deliveries.count >= count { return true }
            try? await Task.sleep(for: .milliseconds(100))
        }
        return deliveries.count >= count
    }
}

/// The sink's record: every attempt, and the ones answered 200.
final class StateBox: Sendable {
    private let state: Mutex<(delivered: [CaptureSink.Received], attempts: Int, failuresLeft: Int)>

    init(failFirst: Int) { state = Mutex(([], 0, failFirst)) }

    /// When each delivered request arrived.
    private let times = Mutex<[Date]>([])

    /// Records an attempt; true when it is answered 200.
    func record(_ item: CaptureSink.Received) -> Bool {
        state.withLock {
            $0.attempts += 1
            if $0.failuresLeft > 0 {
                $0.failuresLeft -= 1
                return false
            }
            $0.delivered.append(item)
            times.withLock { $0.append(Date()) }
            return true
        }
    }

    private let open = Mutex<(now: Int, most: Int)>((0, 0))
    /// How long the registry routes wait.
    let registryDelay = Mutex<Duration>(.zero)

    func began() { open.withLock { $0.now += 1; $0.most = max($0.most, $0.now) } }
    func ended() { open.withLock { $0.now -= 1 } }
    var maxConcurrent: Int { open.withLock { $0.most } }

    var delivered: [CaptureSink.Received] { state.withLock { $0.delivered } }
    var attempts: Int { state.withLock { $0.attempts } }
    var deliveredAt: [Date] { times.withLock { $0 } }
}
