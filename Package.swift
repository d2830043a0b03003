// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "tumen",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "tumen", targets: ["tumen"]),
        .executable(name: "tumen-ingest", targets: ["tumen-ingest"]),
        .executable(name: "tumen-storage", targets: ["tumen-storage"]),
        .executable(name: "tumen-analysis", targets: ["tumen-analysis"]),
        .executable(name: "tumen-reporting", targets: ["tumen-reporting"]),
        // Libraries, for the benchmark package in Benchmarks/ (a package depends on another's products only).
        .library(name: "TumenProtocol", targets: ["TumenProtocol"]),
        .library(name: "TumenIngest", targets: ["TumenIngest"]),
        .library(name: "TumenAnalysis", targets: ["TumenAnalysis"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CZeroMQ",
            pkgConfig: "libzmq",
            providers: [.apt(["libzmq3-dev"])]
        ),
        .target(name: "TumenTransport", dependencies: ["CZeroMQ"]),
        .target(name: "TumenProtocol"),
        .target(
            name: "TumenStorage",
            dependencies: [
                "TumenProtocol",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "TumenAnalysis",
            dependencies: ["TumenProtocol"],
            resources: [.process("Resources")]
        ),
        .target(name: "TumenReporting", dependencies: ["TumenProtocol"]),
        .target(name: "TumenIngest", dependencies: ["TumenProtocol"]),
        .target(
            name: "TumenService",
            dependencies: [
                "TumenProtocol",
                "TumenTransport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        .target(
            name: "TumenTesting",
            dependencies: ["TumenProtocol", "TumenTransport", "TumenService"]
        ),
        .executableTarget(
            name: "tumen-ingest",
            dependencies: [
                "TumenIngest", "TumenService",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Services/tumen-ingest"
        ),
        .executableTarget(
            name: "tumen-storage",
            dependencies: [
                "TumenStorage", "TumenService",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Services/tumen-storage"
        ),
        .executableTarget(
            name: "tumen-analysis",
            dependencies: [
                "TumenAnalysis", "TumenService",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Services/tumen-analysis"
        ),
        .executableTarget(
            name: "tumen-reporting",
            dependencies: [
                "TumenReporting", "TumenService",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Services/tumen-reporting"
        ),
        .executableTarget(
            name: "tumen",
            dependencies: [
                "TumenAnalysis", "TumenIngest", "TumenReporting", "TumenService",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            path: "Services/tumen"
        ),
        // libFuzzer targets: scripts/fuzz.sh builds them with -sanitize=fuzzer; a plain build compiles them only.
        .executableTarget(name: "EnvelopeFuzzer", dependencies: ["TumenProtocol"], path: "Fuzz/EnvelopeFuzzer"),
        .executableTarget(
            name: "TextFuzzer", dependencies: ["TumenAnalysis", "TumenIngest", "TumenProtocol"], path: "Fuzz/TextFuzzer"
        ),
        .executableTarget(name: "CSVFuzzer", dependencies: ["TumenIngest"], path: "Fuzz/CSVFuzzer"),
        .testTarget(name: "TumenTransportTests", dependencies: ["TumenTransport", "TumenTesting"]),
        .testTarget(name: "TumenProtocolTests", dependencies: ["TumenProtocol"]),
        .testTarget(name: "TumenStorageTests", dependencies: ["TumenStorage"]),
        .testTarget(name: "TumenAnalysisTests", dependencies: ["TumenAnalysis"]),
        .testTarget(name: "TumenReportingTests", dependencies: ["TumenReporting"]),
        .testTarget(name: "TumenIngestTests", dependencies: ["TumenIngest"]),
        .testTarget(
            name: "TumenServiceTests",
            dependencies: [
                "TumenService", "TumenTransport", "TumenProtocol", "TumenTesting",
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "TumenIntegrationTests",
            dependencies: [
                "TumenTesting", "TumenProtocol", "TumenService", "TumenStorage", "TumenTransport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ]
)

for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    target.swiftSettings = settings
}
