/// A label selector (`spec.selector` of workloads).
public struct LabelSelector: Decodable, Sendable, Hashable {
    /// `key: value` pairs that must all match.
    public var matchLabels: [String: String]?
    /// Set-based requirements.
    public var matchExpressions: [Requirement]?

    /// One set-based requirement (`key In [a, b]`).
    public struct Requirement: Decodable, Sendable, Hashable {
        /// The label key.
        public var key: String?
        /// `In`, `NotIn`, `Exists` or `DoesNotExist`.
        public var `operator`: String?
        /// The values for `In` and `NotIn`.
        public var values: [String]?
    }

    /// The selector in the query syntax of `labelSelector=` (`app=cart,tier in (web,api)`), or `nil`
    /// when it holds an operator this client does not know.
    public var queryString: String? {
        var terms = (matchLabels ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        for requirement in matchExpressions ?? [] {
            guard let key = requirement.key else { return nil }
            let values = (requirement.values ?? []).joined(separator: ",")
            switch requirement.operator {
            case "In": terms.append("\(key) in (\(values))")
            case "NotIn": terms.append("\(key) notin (\(values))")
            case "Exists": terms.append(key)
            case "DoesNotExist": terms.append("!\(key)")
            default: return nil
            }
        }
        return terms.joined(separator: ",")
    }
}
