import Diagnosis
import Store

/// One page of the incident list plus the counts shown beside the filters: how many incidents each
/// category and each status would list with the other filters kept (faceted counts).
struct IncidentListing: Sendable {
    /// The filters the page was read with.
    let filter: IncidentFilter
    /// The incidents of the page and the total matching all filters.
    let page: IncidentPage
    /// Matches per category, every other filter kept; categories with none are left out.
    let categoryCounts: [CategoryCount]
    /// Matches whatever the category, every other filter kept.
    let anyCategoryTotal: Int
    /// Matches per status, every other filter kept.
    let firingTotal: Int
    let resolvedTotal: Int

    /// How many incidents one category holds.
    struct CategoryCount: Sendable, Equatable {
        let category: Category
        let count: Int
    }

    /// Matches with no category yet (opened, not diagnosed), every other filter kept.
    var undiagnosedTotal: Int {
        max(0, anyCategoryTotal - categoryCounts.reduce(0) { $0 + $1.count })
    }

    /// Reads the page and the counts.
    ///
    /// The store has no grouped count, so each count is one `count(*)` over the incidents table (through
    /// `listIncidents` with a one-row page): sixteen indexed reads on a reader connection, which never
    /// wait for the writer.
    static func load(from store: Store, filter: IncidentFilter) async throws(StoreError) -> IncidentListing {
        let page = try await store.listIncidents(filter.storeQuery)
        var counts: [CategoryCount] = []
        for category in Category.allCases {
            let count = try await total(store, filter.with(category: category))
            if count > 0 { counts.append(CategoryCount(category: category, count: count)) }
        }
        return IncidentListing(
            filter: filter, page: page, categoryCounts: counts,
            anyCategoryTotal: try await total(store, filter.with(category: nil)),
            firingTotal: try await total(store, filter.with(status: .firing)),
            resolvedTotal: try await total(store, filter.with(status: .resolved)))
    }

    private static func total(_ store: Store, _ filter: IncidentFilter) async throws(StoreError) -> Int {
        var query = filter.storeQuery
        query.limit = 1
        query.offset = 0
        return try await store.listIncidents(query).total
    }
}
