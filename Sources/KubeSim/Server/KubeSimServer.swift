import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// kubesim as a server: the fixture API on a plain-HTTP port.
///
/// The `kubesim` executable calls `run`; Swift tests call `start` to get a running server on a free port:
///
/// ```swift
/// let sim = try await KubeSimServer.load(fixtures: dir, values: ["REGISTRY": "127.0.0.1:5000"]).start()
/// defer { Task { await sim.stop() } }
/// // sim.baseURL == "http://127.0.0.1:<port>", sim.kubeconfig() is a kubeconfig that reaches it
/// ```
public struct KubeSimServer: Sendable {
    /// The API being served.
    public let api: KubeAPI
    /// Where the server logs (Hummingbird's request logging included).
    public var logger: Logger

    /// A server for an already loaded cluster.
    public init(cluster: FixtureCluster, logger: Logger = Logger(label: "kubesim"), now: @escaping @Sendable () -> Date = { Date() }) {
        self.api = KubeAPI(cluster: cluster, now: now)
        self.logger = logger
    }

    /// Loads `directory` with these placeholder values, logging skipped objects as warnings.
    public static func load(fixtures directory: String, values: [String: String] = [:], logger: Logger = Logger(label: "kubesim")) throws(FixtureError) -> KubeSimServer {
        let cluster = try FixtureLoader(values: values).load(directory: directory)
        for warning in cluster.warnings { logger.warning("\(warning)", metadata: ["kubesim.fixtures": "\(directory)"]) }
        return KubeSimServer(cluster: cluster, logger: logger)
    }

    /// Serves until the task is cancelled or, with `handleSignals`, until SIGTERM or SIGINT (both shut down
    /// gracefully). `onListening` runs once the socket is bound, with the actual port (useful with port 0).
    public func run(
        host: String, port: Int, handleSignals: Bool = true, onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) async throws {
        let group = serviceGroup(host: host, port: port, handleSignals: handleSignals, onListening: onListening)
        try await group.run()
    }

    /// Starts serving in the background on `host:port` (port 0 picks a free one) and returns once the socket
    /// is bound.
    public func start(host: String = "127.0.0.1", port: Int = 0) async throws -> RunningKubeSim {
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let group = serviceGroup(host: host, port: port, handleSignals: false) { continuation.yield($0) }
        let task = Task {
            defer { continuation.finish() }
            try await group.run()
        }
        var iterator = ports.makeAsyncIterator()
        guard let boundPort = await iterator.next() else {
            // The server stopped before it was listening: report why.
            if case .failure(let error) = await task.result { throw error }
            throw KubeSimStartError(host: host, port: port)
        }
        return RunningKubeSim(host: host, port: boundPort, api: api, group: group, task: task)
    }

    private func serviceGroup(
        host: String, port: Int, handleSignals: Bool, onListening: @escaping @Sendable (Int) async -> Void
    ) -> ServiceGroup {
        let app = Application(
            responder: KubeSimResponder(api: api),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "kubesim"),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? port) },
            logger: logger)
        return ServiceGroup(
            configuration: .init(services: [app], gracefulShutdownSignals: handleSignals ? [.sigterm, .sigint] : [], logger: logger))
    }
}

/// A kubesim started with `KubeSimServer.start`.
public final class RunningKubeSim: Sendable {
    /// The host it listens on.
    public let host: String
    /// The port it listens on.
    public let port: Int
    /// The API it serves: its `faults` and `requests` can be driven directly from tests.
    public let api: KubeAPI
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    init(host: String, port: Int, api: KubeAPI, group: ServiceGroup, task: Task<Void, any Error>) {
        self.host = host
        self.port = port
        self.api = api
        self.group = group
        self.task = task
    }

    /// `http://host:port`.
    public var baseURL: String {
        host.contains(":") ? "http://[\(host)]:\(port)" : "http://\(host):\(port)"
    }

    /// A kubeconfig whose current context reaches this server, with `namespace` as the default namespace.
    public func kubeconfig(namespace: String = "default") -> String {
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: kubesim
          cluster:
            server: \(baseURL)
        users:
        - name: kubesim
          user: {}
        contexts:
        - name: kubesim
          context:
            cluster: kubesim
            user: kubesim
            namespace: \(namespace)
        current-context: kubesim

        """
    }

    /// Shuts the server down gracefully and waits until it has closed its socket.
    public func stop() async {
        await group.triggerGracefulShutdown()
        _ = await task.result
    }
}

/// The server ended before it started listening, without saying why.
public struct KubeSimStartError: Error, CustomStringConvertible {
    /// The address it tried.
    public let host: String
    /// The port it tried.
    public let port: Int

    public var description: String { "kubesim: the server stopped before listening on \(host):\(port)" }
}
