import GRDB

/// The versioned schema. Migrations are named `v1`, `v2`, ... and never edited once released: a change is
/// a new migration appended here, so every existing database file moves forward the same way.
enum StoreMigrations {
    /// The names of all migrations, in order.
    static var names: [String] { migrator.migrations }

    /// The migrator holding every migration.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1", migrate: createTables)
        return migrator
    }

    /// v1: payloads, incidents, diagnoses, alerts, the outbox and its delivery log.
    ///
    /// Times are integer milliseconds since 1970. AUTOINCREMENT keeps ids rising even after pruning, so an
    /// outbox id stays a faithful order of arrival.
    private static func createTables(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE payloads (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                received_at INTEGER NOT NULL,
                group_key TEXT NOT NULL,
                receiver TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('firing', 'resolved')),
                alert_count INTEGER NOT NULL,
                body BLOB NOT NULL
            );
            CREATE INDEX payloads_received_at ON payloads(received_at);

            CREATE TABLE incidents (
                id TEXT PRIMARY KEY NOT NULL,
                namespace TEXT NOT NULL,
                owner_kind TEXT NOT NULL,
                owner_name TEXT NOT NULL,
                image TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('firing', 'resolved')),
                episode INTEGER NOT NULL DEFAULT 1,
                first_seen INTEGER NOT NULL,
                last_seen INTEGER NOT NULL,
                resolved_at INTEGER,
                current_diagnosis_id TEXT REFERENCES diagnoses(id) ON DELETE SET NULL,
                category TEXT,
                reason TEXT
            );
            CREATE INDEX incidents_last_seen ON incidents(last_seen);
            CREATE INDEX incidents_status ON incidents(status, last_seen);
            CREATE INDEX incidents_namespace ON incidents(namespace, last_seen);
            CREATE INDEX incidents_category ON incidents(category, last_seen);
            CREATE INDEX incidents_current_diagnosis ON incidents(current_diagnosis_id);

            CREATE TABLE diagnoses (
                id TEXT PRIMARY KEY NOT NULL,
                incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
                created_at INTEGER NOT NULL,
                category TEXT NOT NULL,
                reason TEXT NOT NULL,
                confidence TEXT NOT NULL,
                partial INTEGER NOT NULL,
                body BLOB NOT NULL
            );
            CREATE INDEX diagnoses_incident ON diagnoses(incident_id, created_at);
            CREATE INDEX diagnoses_created_at ON diagnoses(created_at);

            CREATE TABLE alerts (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                fingerprint TEXT NOT NULL,
                starts_at INTEGER NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('firing', 'resolved')),
                ends_at INTEGER,
                namespace TEXT,
                labels TEXT NOT NULL,
                annotations TEXT NOT NULL,
                generator_url TEXT NOT NULL,
                payload_id INTEGER REFERENCES payloads(id) ON DELETE SET NULL,
                first_seen INTEGER NOT NULL,
                last_seen INTEGER NOT NULL,
                resent_count INTEGER NOT NULL DEFAULT 0,
                incident_id TEXT REFERENCES incidents(id) ON DELETE SET NULL,
                diagnosed INTEGER NOT NULL DEFAULT 0,
                diagnosis_id TEXT REFERENCES diagnoses(id) ON DELETE SET NULL,
                UNIQUE (fingerprint, starts_at)
            );
            CREATE INDEX alerts_undiagnosed ON alerts(id) WHERE diagnosed = 0 AND status = 'firing';
            CREATE INDEX alerts_incident ON alerts(incident_id, status);
            CREATE INDEX alerts_payload ON alerts(payload_id);
            CREATE INDEX alerts_diagnosis ON alerts(diagnosis_id);
            CREATE INDEX alerts_last_seen ON alerts(last_seen);

            CREATE TABLE outbox (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
                sink TEXT NOT NULL,
                diagnosis_id TEXT REFERENCES diagnoses(id) ON DELETE SET NULL,
                kind TEXT NOT NULL CHECK (kind IN ('firing', 'resolved')),
                idempotency_key TEXT NOT NULL UNIQUE,
                body BLOB,
                created_at INTEGER NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at INTEGER NOT NULL,
                claimed_at INTEGER,
                last_error TEXT,
                status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'dead')),
                delivered_at INTEGER
            );
            CREATE INDEX outbox_due ON outbox(sink, next_attempt_at) WHERE status = 'pending';
            CREATE INDEX outbox_incident ON outbox(incident_id, sink, id);
            CREATE INDEX outbox_diagnosis ON outbox(diagnosis_id);
            CREATE INDEX outbox_created_at ON outbox(created_at);

            CREATE TABLE deliveries (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                outbox_id INTEGER NOT NULL REFERENCES outbox(id) ON DELETE CASCADE,
                at INTEGER NOT NULL,
                result TEXT NOT NULL CHECK (result IN ('delivered', 'retry', 'dead')),
                http_status INTEGER,
                error TEXT,
                duration_ms INTEGER NOT NULL
            );
            CREATE INDEX deliveries_outbox ON deliveries(outbox_id, at);
            CREATE INDEX deliveries_at ON deliveries(at);
            """)
    }
}
