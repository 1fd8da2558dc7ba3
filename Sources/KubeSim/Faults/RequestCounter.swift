/// How many requests kubesim served, per verb and resource, so tests can count Kubernetes calls.
public actor RequestCounter {
    private var counts: [String: Int] = [:]

    /// An empty counter.
    public init() {}

    func record(verb: String, resource: String) {
        counts["\(verb) \(resource)", default: 0] += 1
    }

    /// The count for one verb and resource.
    public func count(verb: String, resource: String) -> Int {
        counts["\(verb) \(resource)"] ?? 0
    }

    func reset() {
        counts = [:]
    }

    /// `{"total":3,"requests":[{"verb":"get","resource":"pods","count":2},...]}`, sorted by resource and verb.
    var snapshot: JSONValue {
        let rows: [JSONValue] = counts.keys.sorted { lhs, rhs in
            let left = lhs.split(separator: " "), right = rhs.split(separator: " ")
            return (left[1], left[0]) < (right[1], right[0])
        }.map { key in
            let parts = key.split(separator: " ")
            return ["verb": .string(String(parts[0])), "resource": .string(String(parts[1])), "count": .int(counts[key] ?? 0)]
        }
        return ["total": .int(counts.values.reduce(0, +)), "requests": .array(rows)]
    }
}
