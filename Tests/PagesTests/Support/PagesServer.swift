import CurlClient
import Foundation
import Hummingbird
import Logging
import Pages
import ServiceLifecycle
import Store

/// The pages served for real: a Hummingbird application on 127.0.0.1 and a free port, routing to
/// `PagesRoutes` over a store in a fresh temporary folder, for the length of `body`.
struct PagesServer {
    let port: Int
    let store: Store
    let client: CurlClient
    var base: String { "http://127.0.0.1:\(port)" }

    /// - Parameters:
    ///   - fill: writes the test's incidents through the store's public API before the server starts.
    ///   - authorize: the auth check handed to the routes (default: everyone may read).
    ///   - extraRoutes: routes only a test needs (the browser test's policy canary).
    static func with<T: Sendable>(
        externalURL: String = "",
        fill: (Store) async throws -> Void = { _ in },
        authorize: @escaping @Sendable (Request) -> Response? = { _ in nil },
        extraRoutes: (Router<BasicRequestContext>) -> Void = { _ in },
        _ body: (PagesServer) async throws -> T
    ) async throws -> T {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("pulldoctor-pages-tests").appendingPathComponent(UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Store(configuration: StoreConfiguration(
            path: folder.appendingPathComponent("pulldoctor.sqlite").path, durability: .normal))
        try await fill(store)

        let router = Router(context: BasicRequestContext.self)
        PagesRoutes(store: store, externalURL: externalURL, authorize: authorize).register(on: router)
        extraRoutes(router)
        let logger = Logger(label: "pulldoctor-pages-test") { _ in SwiftLogNoOpLogHandler() }
        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: nil),
            onServerRunning: { channel in portSink.yield(channel.localAddress?.port ?? 0) },
            logger: logger)
        let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
        let client = CurlClient()
        defer { client.shutdown() }
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next(), port > 0 else { throw CancellationError() }
            let server = PagesServer(port: port, store: store, client: client)
            do {
                let result = try await body(server)
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
                return result
            } catch {
                await group.triggerGracefulShutdown()
                try? await tasks.waitForAll()
                throw error
            }
        }
    }

    /// GETs `path` (which starts with `/`).
    func get(_ path: String, headers: [(name: String, value: String)] = []) async throws -> FetchedResponse {
        try await client.send(FetchRequest(url: base + path, headers: headers, proxy: .none))
    }

    /// GETs `path` and decodes the body as a JSON object.
    func json(_ path: String) async throws -> (status: Int, object: [String: Any]) {
        let response = try await get(path)
        let object = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any] ?? [:]
        return (response.status, object)
    }
}
