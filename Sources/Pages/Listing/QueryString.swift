import Foundation

/// The `application/x-www-form-urlencoded` query of a URL, as an HTML form with `method="get"` writes it.
///
/// Parsed here rather than with the router's query map because forms encode a space as `+`, which the
/// router leaves as a plus; and encoded here so links built from filter values can never end the
/// query early or start a fragment.
struct QueryString: Sendable, Equatable {
    /// The pairs in order; a name may repeat.
    private(set) var pairs: [(name: String, value: String)]

    /// An empty query.
    init() {
        pairs = []
    }

    /// Parses the part after `?` (without it); malformed escapes are kept as written.
    init(parsing raw: String?) {
        pairs = []
        guard let raw, !raw.isEmpty else { return }
        for part in raw.split(separator: "&", omittingEmptySubsequences: true) {
            let halves = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(halves[0])
            let value = halves.count > 1 ? Self.decode(halves[1]) : ""
            pairs.append((name, value))
        }
    }

    /// The first value of `name`, trimmed; nil when absent or blank (an unselected `<select>` sends "").
    func value(_ name: String) -> String? {
        guard let value = pairs.first(where: { $0.name == name })?.value else { return nil }
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Appends a pair; nil or empty values are left out, to keep links short.
    mutating func append(_ name: String, _ value: String?) {
        guard let value, !value.isEmpty else { return }
        pairs.append((name, value))
    }

    /// The encoded query, without `?`; empty when there is no pair.
    var encoded: String {
        pairs.map { Self.encode($0.name) + "=" + Self.encode($0.value) }.joined(separator: "&")
    }

    /// `path` followed by `?query` when there is one.
    func url(path: String) -> String {
        let query = encoded
        return query.isEmpty ? path : path + "?" + query
    }

    static func == (lhs: QueryString, rhs: QueryString) -> Bool {
        lhs.pairs.map(\.name) == rhs.pairs.map(\.name) && lhs.pairs.map(\.value) == rhs.pairs.map(\.value)
    }

    /// Characters left as they are: RFC 3986 unreserved. Everything else is percent-encoded, `+`, `&`,
    /// `=`, `#` and `?` included.
    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
