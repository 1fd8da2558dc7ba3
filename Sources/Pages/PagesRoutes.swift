import Diagnosis
import Hummingbird
import Store

/// The web pages and their JSON API, read from the store:
///
/// - `GET /`: incidents failing now and resolved, counts by status and cause, filters, search, pages.
/// - `GET /diagnoses/{id}`: one diagnosis in full.
/// - `GET /api/v1/incidents` and `GET /api/v1/diagnoses/{id}`: the same data as JSON (see `API.md`).
/// - `GET /static/pulldoctor.css`, `GET /static/copy.js`: the only files the pages load.
///
/// Pages and API honour the server's auth setting through `authorize`; the two static files do not
/// need it (they hold no data, and a browser fetching them has already passed the page's check).
/// Every response carries a strict Content-Security-Policy, `X-Content-Type-Options: nosniff` and
/// `Referrer-Policy: no-referrer`.
public struct PagesRoutes: Sendable {
    private let store: Store
    private let externalURL: String
    private let authorize: @Sendable (Request) -> Response?
    private let renderer = PageRenderer()

    /// - Parameters:
    ///   - store: where incidents and diagnoses are read.
    ///   - externalURL: the URL people reach PullDoctor at (`web.external_url`), used for the absolute
    ///     `diagnosis_url`/`url` fields of the JSON; empty gives paths (`/diagnoses/{id}`).
    ///   - authorize: returns the response to send instead (a 401 with its challenge) when auth is
    ///     configured and the request does not carry it; nil lets the request through.
    public init(store: Store, externalURL: String, authorize: @escaping @Sendable (Request) -> Response?) {
        self.store = store
        self.externalURL = externalURL
        self.authorize = authorize
    }

    /// Adds the routes to `router`.
    public func register(on router: Router<BasicRequestContext>) {
        for asset in StaticAsset.all {
            router.get(RouterPath(asset.path)) { request, _ in asset.response(to: request) }
        }
        router.get("/") { request, _ in
            await guarded(request) { await index(QueryString(parsing: request.uri.query)) }
        }
        router.get("/diagnoses/:id") { request, context in
            await guarded(request) { await diagnosisPage(id: context.parameters.get("id") ?? "") }
        }
        router.get("/api/v1/incidents") { request, _ in
            await guarded(request) { await incidentsJSON(QueryString(parsing: request.uri.query)) }
        }
        router.get("/api/v1/diagnoses/:id") { request, context in
            await guarded(request) { await diagnosisJSON(id: context.parameters.get("id") ?? "") }
        }
    }

    /// Runs `handler` when `authorize` lets the request through; otherwise answers its refusal, with the
    /// security headers added.
    private func guarded(_ request: Request, _ handler: () async -> Response) async -> Response {
        if var refusal = authorize(request) {
            SecurityHeaders.apply(to: &refusal.headers)
            return refusal
        }
        return await handler()
    }

    private func index(_ query: QueryString) async -> Response {
        let filter = IncidentFilter(query: query, paged: true)
        do {
            let listing = try await IncidentListing.load(from: store, filter: filter)
            return renderer.page(.index, IndexView(listing))
        } catch {
            return storeUnavailablePage(error)
        }
    }

    private func diagnosisPage(id: String) async -> Response {
        guard PageLinks.isValidID(id) else { return diagnosisNotFoundPage(id) }
        do {
            guard let detail = try await store.diagnosisDetail(id: id) else { return diagnosisNotFoundPage(id) }
            let decoded = detail.diagnosis.decodedReport()
            return renderer.page(.diagnosis, DiagnosisView(detail: detail, report: decoded.report, problem: decoded.problem))
        } catch {
            return storeUnavailablePage(error)
        }
    }

    private func incidentsJSON(_ query: QueryString) async -> Response {
        let filter = IncidentFilter(query: query, paged: false)
        guard filter.problems.isEmpty else {
            return renderer.jsonError(.badRequest, filter.problems.joined(separator: "; "))
        }
        do {
            let page = try await store.listIncidents(filter.storeQuery)
            return renderer.json(IncidentListJSON(
                incidents: page.incidents.map { IncidentJSON(record: $0, externalURL: externalURL) },
                total: page.total, limit: filter.limit, offset: filter.offset))
        } catch {
            return renderer.jsonError(.serviceUnavailable, "the store could not be read (\(error.reason.rawValue))")
        }
    }

    private func diagnosisJSON(id: String) async -> Response {
        guard PageLinks.isValidID(id) else { return renderer.jsonError(.notFound, "no diagnosis has this id") }
        do {
            guard let detail = try await store.diagnosisDetail(id: id) else {
                return renderer.jsonError(.notFound, "no diagnosis has this id")
            }
            let decoded = detail.diagnosis.decodedReport()
            return renderer.json(DiagnosisDetailJSON(
                detail: detail, report: decoded.report, problem: decoded.problem, externalURL: externalURL))
        } catch {
            return renderer.jsonError(.serviceUnavailable, "the store could not be read (\(error.reason.rawValue))")
        }
    }

    private func diagnosisNotFoundPage(_ id: String) -> Response {
        let shown = id.count > 80 ? String(id.prefix(80)) + "…" : id
        return renderer.message(
            .notFound, heading: "Diagnosis not found",
            message: "No diagnosis has the id “\(shown)”. It may have been removed by the retention policy.")
    }

    private func storeUnavailablePage(_ error: StoreError) -> Response {
        renderer.message(
            .serviceUnavailable, heading: "The store could not be read",
            message: "PullDoctor could not read its database (\(error.reason.rawValue)). Try again in a moment.")
    }
}
