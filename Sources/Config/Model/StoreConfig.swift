/// The SQLite store: accepted payloads, incidents, diagnoses, the delivery outbox.
public struct StoreConfig: Sendable, Equatable {
    /// The database file; its folder is created. Default `data/pulldoctor.sqlite` (under the working
    /// directory). Flag `--store.path` overrides.
    public var path: String
    /// Rows older than this are pruned (never pending deliveries or firing incidents). Default 720h (30 days).
    public var retention: Duration
    /// At most this many rows per table are kept. Default 100000.
    public var maxRows: Int

    public init(path: String = "data/pulldoctor.sqlite", retention: Duration = .seconds(30 * 86_400), maxRows: Int = 100_000) {
        self.path = path
        self.retention = retention
        self.maxRows = maxRows
    }
}

extension StoreConfig: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case path, retention
        case maxRows = "max_rows"
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = StoreConfig()
        path = try c.decodeIfPresent(String.self, forKey: .path) ?? d.path
        guard !path.isEmpty else { throw ConfigError.invalid(c.codingPath + [CodingKeys.path], "must not be empty") }
        retention = try c.decodeDuration(forKey: .retention) ?? d.retention
        maxRows = try c.decodeIfPresent(Int.self, forKey: .maxRows) ?? d.maxRows
        guard maxRows >= 100 else { throw ConfigError.invalid(c.codingPath + [CodingKeys.maxRows], "must be at least 100") }
    }
}

/// How the delivery worker retries.
public struct DeliveryConfig: Sendable, Equatable {
    /// After this long undelivered, a notification is dead-lettered (kept, counted, logged). Default 24h:
    /// a sink down for an hour still gets everything.
    public var maxAge: Duration
    /// First retry delay; doubled on each attempt with jitter. Default 2s.
    public var initialBackoff: Duration
    /// Longest retry delay (also the cap on a sink's Retry-After). Default 5m.
    public var maxBackoff: Duration
    /// How often the outbox is polled when idle. Default 500ms.
    public var pollInterval: Duration

    public init(maxAge: Duration = .seconds(86_400), initialBackoff: Duration = .seconds(2), maxBackoff: Duration = .seconds(300),
                pollInterval: Duration = .milliseconds(500)) {
        self.maxAge = maxAge
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
        self.pollInterval = pollInterval
    }
}

extension DeliveryConfig: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case maxAge = "max_age"
        case initialBackoff = "initial_backoff"
        case maxBackoff = "max_backoff"
        case pollInterval = "poll_interval"
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = DeliveryConfig()
        maxAge = try c.decodeDuration(forKey: .maxAge) ?? d.maxAge
        initialBackoff = try c.decodeDuration(forKey: .initialBackoff) ?? d.initialBackoff
        maxBackoff = try c.decodeDuration(forKey: .maxBackoff) ?? d.maxBackoff
        pollInterval = try c.decodeDuration(forKey: .pollInterval) ?? d.pollInterval
    }
}
