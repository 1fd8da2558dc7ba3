import Diagnosis
import Store

/// What the `index` template renders: every value ready to print, so the template holds no logic.
///
/// Mustache looks a missing name up in the enclosing objects, so rows carry every name the row markup
/// uses, and optional values are empty strings with a `has…` flag rather than nil.
struct IndexView: Sendable {
    /// One link of the counts by status or cause.
    struct FacetLink: Sendable {
        let label: String
        let count: Int
        let url: String
        let current: Bool
    }

    /// One `<option>`.
    struct Option: Sendable {
        let value: String
        let label: String
        let selected: Bool
    }

    /// One incident row.
    struct Row: Sendable {
        let namespace: String
        let ownerKind: String
        let ownerName: String
        let image: String
        let statusClass: String
        let statusLabel: String
        let hasDiagnosis: Bool
        let diagnosisURL: String
        let hasCause: Bool
        let causeLabel: String
        let reason: String
        let lastSeen: TimeStamp

        init(_ incident: IncidentRecord) {
            namespace = incident.namespace
            ownerKind = incident.ownerKind
            ownerName = incident.ownerName
            image = incident.image
            statusClass = incident.status.rawValue
            statusLabel = incident.status == .firing ? "Failing" : "Resolved"
            let link = incident.currentDiagnosisID.flatMap(PageLinks.diagnosis)
            hasDiagnosis = link != nil
            diagnosisURL = link ?? ""
            hasCause = incident.category != nil
            causeLabel = incident.category.map(Category.label(of:)) ?? ""
            reason = incident.reason ?? ""
            lastSeen = TimeStamp(incident.lastSeen)
        }
    }

    let title: String
    let summary: String
    let hasProblems: Bool
    let problems: [String]
    let statusLinks: [FacetLink]
    let causeLinks: [FacetLink]
    let hasUndiagnosed: Bool
    let undiagnosedTotal: Int
    let statusOptions: [Option]
    let categoryOptions: [Option]
    let namespaceValue: String
    let searchValue: String
    let hasRows: Bool
    let rows: [Row]
    let rangeText: String
    let emptyText: String
    let hasPages: Bool
    let pageText: String
    let hasPrevious: Bool
    let previousURL: String
    let hasNext: Bool
    let nextURL: String

    init(_ listing: IncidentListing) {
        let filter = listing.filter
        let total = listing.page.total
        let filtered = filter.status != nil || filter.category != nil || filter.namespace != nil || filter.search != nil
        title = filtered ? "Incidents (filtered)" : "Incidents"
        summary = Self.summary(firing: listing.firingTotal, resolved: listing.resolvedTotal, filtered: filtered)
        problems = filter.problems
        hasProblems = !problems.isEmpty

        func link(_ filter: IncidentFilter) -> String { filter.pageQuery(page: 1).url(path: "/") }
        statusLinks = [
            FacetLink(label: "All", count: listing.firingTotal + listing.resolvedTotal,
                      url: link(filter.with(status: nil)), current: filter.status == nil),
            FacetLink(label: "Failing now", count: listing.firingTotal,
                      url: link(filter.with(status: .firing)), current: filter.status == .firing),
            FacetLink(label: "Resolved", count: listing.resolvedTotal,
                      url: link(filter.with(status: .resolved)), current: filter.status == .resolved),
        ]
        causeLinks = [FacetLink(label: "All causes", count: listing.anyCategoryTotal,
                                url: link(filter.with(category: nil)), current: filter.category == nil)]
            + listing.categoryCounts.map {
                FacetLink(label: $0.category.label, count: $0.count, url: link(filter.with(category: $0.category)),
                          current: filter.category == $0.category)
            }
        undiagnosedTotal = filter.category == nil ? listing.undiagnosedTotal : 0
        hasUndiagnosed = undiagnosedTotal > 0

        statusOptions = [
            Option(value: "", label: "Any status", selected: filter.status == nil),
            Option(value: "firing", label: "Failing now", selected: filter.status == .firing),
            Option(value: "resolved", label: "Resolved", selected: filter.status == .resolved),
        ]
        categoryOptions = [Option(value: "", label: "Any cause", selected: filter.category == nil)]
            + Category.allCases.map {
                Option(value: $0.rawValue, label: $0.label, selected: filter.category == $0)
            }
        namespaceValue = filter.namespace ?? ""
        searchValue = filter.search ?? ""

        rows = listing.page.incidents.map(Row.init)
        hasRows = !rows.isEmpty
        let first = filter.offset + 1
        let last = filter.offset + rows.count
        rangeText = "Showing \(first)–\(last) of \(total), most recent activity first."
        if filter.offset > 0 && total > 0 && rows.isEmpty {
            emptyText = "This page is past the last incident (\(total) in all). Go back to the first page."
        } else if filtered {
            emptyText = "No incident matches these filters."
        } else {
            emptyText = "No incident yet: PullDoctor has not received an image-pull alert."
        }
        let pageCount = max(1, (total + filter.limit - 1) / filter.limit)
        let page = filter.page
        hasPages = pageCount > 1
        pageText = "Page \(page) of \(pageCount)"
        hasPrevious = page > 1
        previousURL = hasPrevious ? filter.pageQuery(page: min(page - 1, pageCount)).url(path: "/") : ""
        hasNext = page < pageCount
        nextURL = hasNext ? filter.pageQuery(page: page + 1).url(path: "/") : ""
    }

    /// `2 failing now, 1 resolved.`, or what an empty list means.
    private static func summary(firing: Int, resolved: Int, filtered: Bool) -> String {
        let scope = filtered ? " matching the filters" : ""
        switch (firing, resolved) {
        case (0, 0): return filtered ? "No incident matches the filters." : "No image-pull incident so far."
        case (_, 0): return "\(firing) \(firing == 1 ? "incident" : "incidents") failing now\(scope)."
        case (0, _): return "Nothing failing now\(scope); \(resolved) resolved."
        default: return "\(firing) failing now and \(resolved) resolved\(scope)."
        }
    }
}
