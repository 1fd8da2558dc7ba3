import Diagnosis
import Store

/// The filters of the incident list, read from the query of `GET /` or `GET /api/v1/incidents`:
/// `status`, `category`, `namespace`, `q`, and either `page` (pages) or `limit` + `offset` (API).
///
/// A value that cannot be used is dropped and explained in `problems`: the page shows them and lists
/// without that filter, the API answers 400 with them.
struct IncidentFilter: Sendable {
    /// Rows per page of `GET /`.
    static let pageSize = 25
    /// Longest `q` or `namespace` kept: longer values cannot match a Kubernetes name or image anyway.
    static let maxTextLength = 256

    var status: FiringState?
    var category: Category?
    var namespace: String?
    var search: String?
    /// Rows per page (1...500).
    var limit: Int
    /// Rows skipped.
    var offset: Int
    /// What could not be used, for a person.
    var problems: [String] = []

    /// The 1-based page that `offset` falls in.
    var page: Int { offset / max(limit, 1) + 1 }

    /// Reads the filters; `paged` selects `page` (the HTML list) over `limit`/`offset` (the API).
    init(query: QueryString, paged: Bool) {
        limit = paged ? Self.pageSize : 50
        offset = 0
        if let raw = query.value("status") {
            if let state = FiringState(rawValue: raw) {
                status = state
            } else {
                problems.append("status must be firing or resolved, not \"\(Self.clip(raw))\"")
            }
        }
        if let raw = query.value("category") {
            if let known = Category(rawValue: raw) {
                category = known
            } else {
                problems.append("unknown category \"\(Self.clip(raw))\"")
            }
        }
        namespace = query.value("namespace").map { String($0.prefix(Self.maxTextLength)) }
        search = query.value("q").map { String($0.prefix(Self.maxTextLength)) }
        if paged {
            if let raw = query.value("page") {
                if let page = Int(raw), page >= 1, page <= 1_000_000 {
                    offset = (page - 1) * limit
                } else {
                    problems.append("page must be a whole number from 1, not \"\(Self.clip(raw))\"")
                }
            }
        } else {
            if let raw = query.value("limit") {
                if let value = Int(raw), (1...500).contains(value) {
                    limit = value
                } else {
                    problems.append("limit must be a whole number from 1 to 500, not \"\(Self.clip(raw))\"")
                }
            }
            if let raw = query.value("offset") {
                if let value = Int(raw), value >= 0, value <= 1_000_000_000 {
                    offset = value
                } else {
                    problems.append("offset must be a whole number from 0, not \"\(Self.clip(raw))\"")
                }
            }
        }
    }

    /// The store query for these filters.
    var storeQuery: IncidentQuery {
        IncidentQuery(status: status, category: category?.rawValue, namespace: namespace, search: search,
                      limit: limit, offset: offset)
    }

    /// The query string of the HTML list with these filters, at `page` (1 is left out).
    func pageQuery(page: Int) -> QueryString {
        var query = QueryString()
        query.append("status", status?.rawValue)
        query.append("category", category?.rawValue)
        query.append("namespace", namespace)
        query.append("q", search)
        if page > 1 { query.append("page", String(page)) }
        return query
    }

    /// These filters with another category (nil: any), back on the first page.
    func with(category: Category?) -> IncidentFilter {
        var copy = self
        copy.category = category
        copy.offset = 0
        return copy
    }

    /// These filters with another status (nil: any), back on the first page.
    func with(status: FiringState?) -> IncidentFilter {
        var copy = self
        copy.status = status
        copy.offset = 0
        return copy
    }

    /// Shortens a rejected value before quoting it back.
    private static func clip(_ text: String) -> String {
        text.count > 40 ? String(text.prefix(40)) + "…" : text
    }
}
