/// Filters and a page for listing incidents, newest activity first.
public struct IncidentQuery: Sendable, Equatable {
    /// Only incidents in this state; nil for all.
    public var status: FiringState?
    /// A category word (`registry_auth`, ...), matched exactly.
    public var category: String?
    /// Only this namespace, matched exactly.
    public var namespace: String?
    /// Text looked for, case-insensitively, in the incident key (namespace, owner, image) and reason.
    public var search: String?
    /// Rows per page. Default 50, at most 500.
    public var limit: Int
    /// Rows skipped. Default 0.
    public var offset: Int

    /// Makes a query; with no argument it lists the 50 most recently active incidents.
    public init(
        status: FiringState? = nil, category: String? = nil, namespace: String? = nil, search: String? = nil,
        limit: Int = 50, offset: Int = 0
    ) {
        self.status = status
        self.category = category
        self.namespace = namespace
        self.search = search
        self.limit = limit
        self.offset = offset
    }
}

/// One page of incidents.
public struct IncidentPage: Sendable, Equatable {
    /// The page's incidents, most recently active first.
    public let incidents: [IncidentRecord]
    /// How many incidents match the filters in all.
    public let total: Int
}
