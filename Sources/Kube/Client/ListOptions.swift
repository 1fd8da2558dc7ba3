/// Query parameters of a list.
public struct ListOptions: Sendable, Hashable {
    /// `app=cart,tier in (web,api)`: the API server's label selector syntax.
    public var labelSelector: String?
    /// `involvedObject.name=cart-1,type=Warning`: only the fields the API server supports per resource.
    public var fieldSelector: String?
    /// Objects per page; the server may return fewer.
    public var limit: Int?
    /// The `metadata.continue` token of the previous page.
    public var continueToken: String?

    /// Options.
    public init(labelSelector: String? = nil, fieldSelector: String? = nil, limit: Int? = nil, continueToken: String? = nil) {
        self.labelSelector = labelSelector
        self.fieldSelector = fieldSelector
        self.limit = limit
        self.continueToken = continueToken
    }

    /// The query items, in a stable order.
    var queryItems: [(String, String)] {
        var items: [(String, String)] = []
        if let labelSelector, !labelSelector.isEmpty { items.append(("labelSelector", labelSelector)) }
        if let fieldSelector, !fieldSelector.isEmpty { items.append(("fieldSelector", fieldSelector)) }
        if let limit, limit > 0 { items.append(("limit", String(limit))) }
        if let continueToken, !continueToken.isEmpty { items.append(("continue", continueToken)) }
        return items
    }
}
