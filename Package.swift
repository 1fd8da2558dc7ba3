// swift-tools-version:6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "PullDoctor",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "pulldoctor", targets: ["pulldoctor"]),
        .executable(name: "kubesim", targets: ["kubesim"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", exact: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", exact: "2.4.1"),
        .package(url: "https://github.com/apple/swift-metrics.git", exact: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log.git", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", exact: "2.13.0"),
        .package(url: "https://github.com/jpsim/Yams.git", exact: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", exact: "2.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift.git", exact: "7.10.0"),
    ],
    targets: [
        // System libraries (Debian: libcurl4-openssl-dev, zlib1g-dev).
        .systemLibrary(name: "CCurl", path: "Sources/CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),

        // Outbound HTTP: the only importer of CCurl.
        .target(name: "CurlClient", dependencies: ["CCurl", "Redaction"], swiftSettings: swiftSettings),

        // A redacting wrapper for credentials: prints as <redacted> everywhere.
        .target(name: "Redaction", swiftSettings: swiftSettings),

        // Image references, pull-secret parsing and matching, and the registry probe.
        .target(name: "Registry", dependencies: ["CurlClient"], swiftSettings: swiftSettings),

        // Kubernetes access: kubeconfig discovery, typed read models, reads, Status errors, rate limit.
        .target(name: "Kube", dependencies: ["CurlClient", .product(name: "Yams", package: "Yams")], swiftSettings: swiftSettings),

        // The fixture cluster: a fake Kubernetes API server that real kubectl accepts.
        .target(name: "KubeSim", dependencies: [
            .product(name: "Hummingbird", package: "hummingbird"), .product(name: "Yams", package: "Yams"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ], swiftSettings: swiftSettings),
        .executableTarget(name: "kubesim", dependencies: [
            "KubeSim",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: swiftSettings),

        // The diagnosis: vocabulary, message classifier, case file, decision rules, remediation. Pure: no I/O.
        .target(name: "Diagnosis", dependencies: ["Registry"], swiftSettings: swiftSettings),

        // Gathers the facts for a diagnosis from the cluster and the registry: cached, coalesced, bounded.
        .target(name: "Investigation", dependencies: ["Diagnosis", "Kube", "Registry", "Alerting", .product(name: "Logging", package: "swift-log")], swiftSettings: swiftSettings),

        // Notifiers (webhook, Slack, Teams, Alertmanager), message templates, routing matchers, sink config.
        .target(name: "Notify", dependencies: [
            "CurlClient", "Redaction", "Alerting", "ConfigSyntax", "Diagnosis", "Store", .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ], swiftSettings: swiftSettings),

        // SQLite (WAL) store: payloads, alerts, incidents, diagnoses, outbox; migrations, group commit, retention.
        .target(name: "Store", dependencies: [.product(name: "GRDB", package: "GRDB.swift")], swiftSettings: swiftSettings),

        // The diagnosis pages and their JSON API: server-rendered Mustache HTML, no JavaScript framework.
        .target(name: "Pages", dependencies: [
            "Store", "Diagnosis",
            .product(name: "Hummingbird", package: "hummingbird"), .product(name: "Mustache", package: "swift-mustache"),
        ], exclude: ["API.md"], swiftSettings: swiftSettings),

        // Alertmanager webhook payload and its validation (Foundation only).
        .target(name: "Alerting", swiftSettings: swiftSettings),

        // The YAML configuration tree, strict decoding, ${ENV} expansion.
        // The syntax every config section shares: durations, `*_file` values, unknown keys.
        .target(name: "ConfigSyntax", swiftSettings: swiftSettings),
        .target(name: "Config", dependencies: ["Redaction", "Alerting", "ConfigSyntax", "Notify", .product(name: "Yams", package: "Yams")], swiftSettings: swiftSettings),

        // Metric names, the registry, process metrics and gzip of the exposition.
        .target(name: "Telemetry", dependencies: [
            "CZlib",
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "CoreMetrics", package: "swift-metrics"),
        ], swiftSettings: swiftSettings),

        // Hummingbird wiring: routes, auth, services; buildApplication(config:).
        .target(name: "Server", dependencies: [
            "Alerting", "Config", "Telemetry", "CurlClient", "Kube", "Registry", "Diagnosis", "Investigation", "Notify", "Store", "Pages",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "UnixSignals", package: "swift-service-lifecycle"),
        ], swiftSettings: swiftSettings),

        // Executable: argument parsing and wiring only.
        .executableTarget(name: "pulldoctor", dependencies: [
            "Server", "Config", "CurlClient", "Telemetry", "Diagnosis", "Registry", "KubeSim",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Yams", package: "Yams"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ], swiftSettings: swiftSettings),

        .testTarget(name: "AlertingTests", dependencies: ["Alerting"], swiftSettings: swiftSettings),
        .testTarget(name: "CurlClientTests", dependencies: ["CurlClient"], swiftSettings: swiftSettings),
        .testTarget(name: "RegistryTests", dependencies: ["Registry"], swiftSettings: swiftSettings),
        .testTarget(name: "KubeSimTests", dependencies: ["KubeSim", .product(name: "Logging", package: "swift-log")],
                    exclude: ["Fixtures"], swiftSettings: swiftSettings),
        .testTarget(name: "KubeTests", dependencies: [
            "Kube", "KubeSim", "CurlClient", .product(name: "Logging", package: "swift-log"),
        ], exclude: ["Fixtures"], swiftSettings: swiftSettings),
        .testTarget(name: "InvestigationTests", dependencies: [
            "Investigation", "Diagnosis", "Kube", "KubeSim", "CurlClient", "Registry",
            .product(name: "Logging", package: "swift-log"), .product(name: "Yams", package: "Yams"),
        ], swiftSettings: swiftSettings),
        .testTarget(name: "DocsTests", dependencies: ["Diagnosis"], swiftSettings: swiftSettings),
        .testTarget(name: "RegistryProbeTests", dependencies: ["Registry", "CurlClient"],
                    exclude: ["Support/fake_registry.py"], swiftSettings: swiftSettings),
        .testTarget(name: "NotifyTests", dependencies: ["Notify", "CurlClient", "Alerting", "Diagnosis"], swiftSettings: swiftSettings),
        .testTarget(name: "DiagnosisTests", dependencies: ["Diagnosis", .product(name: "Yams", package: "Yams")], swiftSettings: swiftSettings),
        .testTarget(name: "StoreTests", dependencies: ["Store"], swiftSettings: swiftSettings),
        .testTarget(name: "PagesTests", dependencies: [
            "Pages", "Store", "Diagnosis", "Registry", "CurlClient",
            .product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ], swiftSettings: swiftSettings),
        .testTarget(name: "ConfigTests", dependencies: ["Config"], swiftSettings: swiftSettings),
        .testTarget(name: "ServerTests", dependencies: [
            "Server", "Config", "Telemetry", "CurlClient", "Kube", "KubeSim", "Store", "Notify", "Diagnosis", "Alerting", "Redaction",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ], swiftSettings: swiftSettings),
    ]
)
