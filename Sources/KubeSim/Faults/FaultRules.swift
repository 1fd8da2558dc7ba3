/// An answer kubesim gives instead of the real one: `code` with a Kubernetes `Status` body, on every
/// `every`-th matching request, at most `times` times.
public struct FailureRule: Sendable, Equatable {
    /// Plural resource names it applies to; empty for every resource.
    public var resources: [String]
    /// Verbs (`get`, `list`, `watch`) it applies to; empty for every verb.
    public var verbs: [String]
    /// The HTTP status to answer with (e.g. 500, 503, 429, 401, 403).
    public var code: Int
    /// Fail the n-th, 2n-th, ... matching request; 1 fails all of them.
    public var every: Int
    /// How many failures to inject before the rule stops; `nil` for no limit.
    public var times: Int?

    /// A rule; `every` below 1 is treated as 1.
    public init(resources: [String] = [], verbs: [String] = [], code: Int, every: Int = 1, times: Int? = nil) {
        self.resources = resources
        self.verbs = verbs
        self.code = code
        self.every = max(1, every)
        self.times = times
    }

    func applies(verb: String, resource: String) -> Bool {
        (resources.isEmpty || resources.contains(resource)) && (verbs.isEmpty || verbs.contains(verb))
    }
}

/// A delay added before answering requests for some resources (all when `resources` is empty).
public struct LatencyRule: Sendable, Equatable {
    /// Plural resource names it applies to; empty for every resource.
    public var resources: [String]
    /// How long to wait before answering.
    public var delay: Duration

    /// A rule.
    public init(resources: [String] = [], delay: Duration) {
        self.resources = resources
        self.delay = delay
    }

    func applies(resource: String) -> Bool {
        resources.isEmpty || resources.contains(resource)
    }
}

/// A request kubesim refuses with 403 Forbidden, as RBAC would (`forbidden:` in kubesim.yaml).
public struct AccessRule: Sendable, Equatable {
    /// The verb refused (`get`, `list`, `watch`); `nil` for all.
    public var verb: String?
    /// The plural resource refused; `*` for all.
    public var resource: String
    /// The namespace it applies in; `nil` for all namespaces and cluster-wide requests.
    public var namespace: String?
    /// The object name it applies to; `nil` for all (a rule with a name never refuses a list).
    public var name: String?

    /// A rule.
    public init(verb: String? = nil, resource: String, namespace: String? = nil, name: String? = nil) {
        self.verb = verb
        self.resource = resource
        self.namespace = namespace
        self.name = name
    }

    func refuses(verb: String, resource: ResourceType, namespace: String, name: String) -> Bool {
        if let ruleVerb = self.verb, ruleVerb != verb { return false }
        if self.resource != "*" && ResourceCatalog.resource(named: self.resource) != resource { return false }
        if let ruleNamespace = self.namespace, ruleNamespace != namespace { return false }
        if let ruleName = self.name, ruleName != name { return false }
        return true
    }
}
