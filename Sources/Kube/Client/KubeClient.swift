import CurlClient
import Foundation

/// Reads objects from one API server: `get` one object, `list` one page, `listAll` pages to the end.
///
/// Every call: takes a turn from the client-side rate limiter, sends `Accept: application/json` and
/// `User-Agent: pulldoctor/VERSION` with the configured credentials, is bounded by
/// `KubeClientOptions.requestTimeout` (limiter wait included), retries once after a 401 when the
/// credentials can be refreshed (rotated token file, expired exec credential), turns any non-2xx answer
/// into a `KubeError` an operator can act on, and reports itself to the observer.
public final class KubeClient: Sendable {
    /// The API server and how to reach it.
    public let connection: KubeConnection
    /// Limits and identity.
    public let options: KubeClientOptions
    /// The rate limiter (shared by every call of this client).
    public let limiter: RateLimiter
    /// The credentials in use.
    public let credentials: CredentialProvider
    private let transport: any HTTPTransport
    private let observer: (any KubeRequestObserver)?
    private let server: String

    /// A client for `connection` sending through `transport`.
    /// - Parameters:
    ///   - environment: what exec credential plugins start from.
    ///   - observer: told about every request (the metrics seam).
    public init(
        connection: KubeConnection, transport: any HTTPTransport, options: KubeClientOptions = KubeClientOptions(),
        environment: [String: String] = ProcessInfo.processInfo.environment, observer: (any KubeRequestObserver)? = nil
    ) {
        self.connection = connection
        self.options = options
        self.transport = transport
        self.observer = observer
        self.limiter = RateLimiter(qps: options.qps, burst: options.burst)
        self.credentials = CredentialProvider(source: connection.credentials, environment: environment)
        var server = connection.server
        while server.hasSuffix("/") { server.removeLast() }
        self.server = server
    }

    /// Reads one object. `namespace` defaults to the connection's namespace (ignored for cluster resources).
    public func get<R: KubeResource>(_ type: R.Type, name: String, namespace: String? = nil) async throws(KubeError) -> R {
        let resource = R.resource
        let namespace = resource.namespaced ? (namespace ?? connection.namespace) : nil
        let target = KubeRequestTarget(verb: "get", resource: resource, namespace: namespace, name: name)
        guard !name.isEmpty else {
            // An empty name would turn the URL into a list of the collection.
            throw KubeError(.badRequest, "get \(resource.qualifiedName) needs an object name", request: target)
        }
        var path = resource.pathPrefix
        if let namespace { path += "/namespaces/\(Self.escape(namespace))" }
        path += "/\(resource.plural)/\(Self.escape(name))"
        return try await perform(target, path: path, query: [], as: R.self)
    }

    /// Reads one page of objects.
    public func list<R: KubeResource>(_ type: R.Type, in scope: NamespaceScope, options list: ListOptions = ListOptions()) async throws(KubeError) -> KubeList<R> {
        let resource = R.resource
        let namespace = resource.namespaced ? scope.name : nil
        let target = KubeRequestTarget(verb: "list", resource: resource, namespace: namespace, name: nil)
        var path = resource.pathPrefix
        if let namespace { path += "/namespaces/\(Self.escape(namespace))" }
        path += "/\(resource.plural)"
        return try await perform(target, path: path, query: list.queryItems, as: KubeList<R>.self)
    }

    /// Reads every page, `options.pageSize` objects at a time, for at most `options.maxPages` pages. When
    /// the page limit stops it early, the result's `metadata.continue` holds the token of the next page.
    public func listAll<R: KubeResource>(_ type: R.Type, in scope: NamespaceScope, options list: ListOptions = ListOptions()) async throws(KubeError) -> KubeList<R> {
        var request = list
        if request.limit == nil { request.limit = options.pageSize }
        var all = KubeList<R>(items: [])
        for _ in 0..<max(1, options.maxPages) {
            let page = try await self.list(R.self, in: scope, options: request)
            all.items += page.items
            all.metadata.resourceVersion = all.metadata.resourceVersion ?? page.metadata.resourceVersion
            all.metadata.continue = page.metadata.nextPageToken
            guard let token = page.metadata.nextPageToken else { return all }
            request.continueToken = token
        }
        return all
    }

    private func perform<T: Decodable>(_ target: KubeRequestTarget, path: String, query: [(String, String)], as: T.Type) async throws(KubeError) -> T {
        var url = server + path
        if !query.isEmpty {
            url += "?" + query.map { "\(Self.escape($0.0))=\(Self.escape($0.1))" }.joined(separator: "&")
        }
        var response = try await attempt(target, url: url)
        if response.status == 401 && credentials.canRefresh {
            // A rotated token file or an expired exec credential: read or run again, once.
            await credentials.invalidate()
            response = try await attempt(target, url: url)
        }
        guard (200..<300).contains(response.status) else {
            throw KubeError.from(response: response, target: target, server: server, credentials: connection.credentials.description)
        }
        do {
            return try KubeTime.makeDecoder().decode(T.self, from: Data(response.body))
        } catch {
            throw KubeError.decoding(error, body: response.body, target: target)
        }
    }

    /// One request: credentials, rate limiter, transport; reported to the observer whatever happens.
    private func attempt(_ target: KubeRequestTarget, url: String) async throws(KubeError) -> HTTPResponse {
        let start = ContinuousClock.now
        func report(_ code: String) {
            observer?.kubeRequestFinished(KubeRequestRecord(
                resource: target.resource.plural, verb: target.verb, code: code, duration: .now - start))
        }
        let current: CredentialProvider.Credentials
        do {
            current = try await credentials.current()
        } catch {
            report("credentials")
            var failure = error
            failure.request = target
            throw failure
        }
        // The deadline starts after credentials: an exec plugin has its own bound (30 s), and counting it
        // here would fail every first request to an EKS or GKE cluster.
        let deadline = ContinuousClock.now + options.requestTimeout
        do {
            try await limiter.acquire(deadline: deadline)
        } catch {
            report("throttled")
            var failure = error
            failure.request = target
            throw failure
        }
        let remaining = deadline - .now
        var tls = connection.tls
        if let certificate = current.clientCertificatePEM {
            tls.clientCertPEM = certificate
            tls.clientCertFile = nil
            tls.clientKeyPEM = current.clientKeyPEM
            tls.clientKeyFile = nil
        }
        let request = HTTPRequest(
            method: "GET", url: url,
            headers: [("Accept", "application/json"), ("User-Agent", options.userAgent)],
            connectTimeout: min(options.connectTimeout, remaining), timeout: remaining, tls: tls,
            bearerToken: current.bearerToken, basicAuth: current.basicAuth, proxy: connection.proxy,
            maxResponseBytes: options.maxResponseBytes)
        do {
            let response = try await transport.send(request)
            report(String(response.status))
            return response
        } catch {
            report(error.kind.rawValue)
            throw KubeError.from(transport: error, target: target, server: server)
        }
    }

    /// Percent-encodes everything but RFC 3986's unreserved characters.
    static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
