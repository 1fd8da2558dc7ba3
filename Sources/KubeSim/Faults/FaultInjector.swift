/// The latency and failures currently injected, from kubesim.yaml at start and `POST /kubesim/faults` later.
///
/// An actor because test code changes the rules while requests are being served.
public actor FaultInjector {
    private var latency: [LatencyRule]
    private var failures: [(rule: FailureRule, matched: Int, injected: Int)]

    /// What to do with one request: wait `delay`, then answer `failureCode` instead of the real answer.
    struct Decision: Equatable {
        var delay: Duration
        var failureCode: Int?
    }

    /// Starts with the rules of kubesim.yaml.
    public init(latency: [LatencyRule] = [], failures: [FailureRule] = []) {
        self.latency = latency
        self.failures = failures.map { ($0, 0, 0) }
    }

    /// Decides for one request and counts it against the failure rules: the first rule whose turn has come
    /// (`every`) and that has failures left (`times`) wins.
    func decide(verb: String, resource: String) -> Decision {
        let delay = latency.filter { $0.applies(resource: resource) }.map(\.delay).max() ?? .zero
        var code: Int?
        for index in failures.indices where failures[index].rule.applies(verb: verb, resource: resource) {
            failures[index].matched += 1
            let rule = failures[index].rule
            let exhausted = rule.times.map { failures[index].injected >= $0 } ?? false
            if code == nil && !exhausted && failures[index].matched % rule.every == 0 {
                failures[index].injected += 1
                code = rule.code
            }
        }
        return Decision(delay: delay, failureCode: code)
    }

    /// Applies a change from the admin endpoint. `clear` drops every rule first; a new rule replaces one with
    /// the same resources (and verbs), so posting `latencyMs: 0` for pods undoes an earlier pods latency.
    func apply(_ change: FaultChange) {
        if change.clear == true {
            latency = []
            failures = []
        }
        let resources = change.resources ?? []
        if let milliseconds = change.latencyMs {
            latency.removeAll { $0.resources == resources }
            if milliseconds > 0 { latency.append(LatencyRule(resources: resources, delay: .milliseconds(milliseconds))) }
        }
        if let code = change.status {
            let verbs = change.verbs ?? []
            failures.removeAll { $0.rule.resources == resources && $0.rule.verbs == verbs }
            let rule = FailureRule(resources: resources, verbs: verbs, code: code, every: change.every ?? 1, times: change.times)
            failures.append((rule, 0, 0))
        }
    }

    /// The rules in force, as `GET /kubesim/faults` shows them.
    var state: JSONValue {
        let latencyJSON: [JSONValue] = latency.map {
            ["resources": .array($0.resources.map(JSONValue.string)), "latencyMs": .int(Int($0.delay.wholeMilliseconds))]
        }
        let failureJSON: [JSONValue] = failures.map { entry in
            [
                "resources": .array(entry.rule.resources.map(JSONValue.string)),
                "verbs": .array(entry.rule.verbs.map(JSONValue.string)),
                "status": .int(entry.rule.code), "every": .int(entry.rule.every),
                "times": entry.rule.times.map(JSONValue.int) ?? .null, "injected": .int(entry.injected),
            ]
        }
        return ["latency": .array(latencyJSON), "failures": .array(failureJSON)]
    }
}

/// The body of `POST /kubesim/faults`: `{"latencyMs":200,"status":500,"resources":["pods"],"clear":true}`.
///
/// Optional `verbs` (`["list"]`), `every` (fail every n-th matching request) and `times` (stop after n
/// failures) refine `status`.
struct FaultChange: Decodable, Equatable {
    var latencyMs: Int?
    var status: Int?
    var resources: [String]?
    var verbs: [String]?
    var every: Int?
    var times: Int?
    var clear: Bool?

    /// A message naming what is wrong, or `nil` when the change can be applied.
    func problem() -> String? {
        if let status, !(400...599).contains(status) { return "status must be an HTTP error code between 400 and 599" }
        if let latencyMs, latencyMs < 0 { return "latencyMs must not be negative" }
        if let every, every < 1 { return "every must be 1 or more" }
        for name in resources ?? [] where !ResourceCatalog.all.contains(where: { $0.plural == name }) {
            return "unknown resource \"\(name)\"; use plural names: \(ResourceCatalog.all.map(\.plural).joined(separator: ", "))"
        }
        return nil
    }
}
