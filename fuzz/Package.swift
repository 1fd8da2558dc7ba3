// swift-tools-version:6.1
// PullDoctor's fuzz targets: a package of its own so the sanitizer flags never touch the main build.
//
// The library targets are the main package's own sources, reached through the relative symlinks in
// `Linked/` (SwiftPM wants every target path inside the package root). Their dependencies below must
// follow the main Package.swift; a target missing here fails the build loudly, it cannot drift silently.
//
// Build (scripts/fuzz.sh does this):
//   swift build -c debug --package-path fuzz --scratch-path .build-fuzz \
//     -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
// Each `*Fuzzer` executable is then a libFuzzer binary: `.build-fuzz/debug/WebhookFuzzer CORPUS -runs=N`.
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

/// One libFuzzer executable per parser, each in `Fuzzers/<name>/`.
func fuzzer(_ name: String, _ dependencies: [Target.Dependency]) -> Target {
    .executableTarget(name: name, dependencies: dependencies + ["FuzzSupport"], path: "Fuzzers/\(name)",
                      swiftSettings: swiftSettings)
}

let package = Package(
    name: "PullDoctorFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(url: "https://github.com/apple/swift-log.git", exact: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", exact: "2.13.0"),
        .package(url: "https://github.com/jpsim/Yams.git", exact: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", exact: "2.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift.git", exact: "7.10.0"),
    ],
    targets: [
        // The main package's targets, unchanged (same names, same dependencies).
        .systemLibrary(name: "CCurl", path: "Linked/CCurl", pkgConfig: "libcurl"),
        .target(name: "Redaction", path: "Linked/Redaction", swiftSettings: swiftSettings),
        .target(name: "CurlClient", dependencies: ["CCurl", "Redaction"], path: "Linked/CurlClient", swiftSettings: swiftSettings),
        .target(name: "Registry", dependencies: ["CurlClient"], path: "Linked/Registry", swiftSettings: swiftSettings),
        .target(name: "Alerting", path: "Linked/Alerting", swiftSettings: swiftSettings),
        .target(name: "Diagnosis", dependencies: ["Registry"], path: "Linked/Diagnosis", swiftSettings: swiftSettings),
        .target(name: "Store", dependencies: [.product(name: "GRDB", package: "GRDB.swift")], path: "Linked/Store",
                swiftSettings: swiftSettings),
        .target(name: "ConfigSyntax", path: "Linked/ConfigSyntax", swiftSettings: swiftSettings),
        .target(name: "Notify", dependencies: [
            "CurlClient", "Redaction", "Alerting", "ConfigSyntax", "Diagnosis", "Store", .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ], path: "Linked/Notify", swiftSettings: swiftSettings),
        .target(name: "Config", dependencies: ["Redaction", "Alerting", "ConfigSyntax", "Notify", .product(name: "Yams", package: "Yams")],
                path: "Linked/Config", swiftSettings: swiftSettings),

        // What every fuzzer shares: the libFuzzer driver and the property check that turns a broken
        // invariant into a crash. CFuzzerDriver only declares libFuzzer's C entry point.
        .systemLibrary(name: "CFuzzerDriver", path: "Fuzzers/CFuzzerDriver"),
        .target(name: "FuzzSupport", dependencies: ["CFuzzerDriver"], path: "Fuzzers/FuzzSupport", swiftSettings: swiftSettings),

        fuzzer("WebhookFuzzer", ["Alerting"]),
        fuzzer("ConfigFuzzer", ["Config"]),
        fuzzer("ImageReferenceFuzzer", ["Registry"]),
        fuzzer("PullSecretFuzzer", ["Registry"]),
        fuzzer("ClassifierFuzzer", ["Diagnosis"]),
    ]
)
