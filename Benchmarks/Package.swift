// swift-tools-version:6.1
import PackageDescription

// Tumen's benchmarks, a package of their own so that the main `swift build` / `swift test` never compile the
// benchmark plugin (as swift-nio does). Run them with `scripts/bench.sh`.
//
// The root package is reached through the committed symlink `Benchmarks/tumen -> ..`, not `.package(path: "../")`:
// SwiftPM names a path dependency after the last component of its path, so `../` would be called after whatever
// directory the repository was cloned into (`main` here, anything on CI), and `.product(name:package:)` below could
// not name it. Through the symlink the dependency is always called `tumen`.
let package = Package(
    name: "tumen-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: "tumen"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // Loads the shared corpus (or a synthetic stand-in) the way `tumen analyze` reads files.
        .target(
            name: "BenchmarkCorpus",
            dependencies: [
                .product(name: "TumenIngest", package: "tumen"),
                .product(name: "TumenProtocol", package: "tumen"),
            ]
        ),
        .executableTarget(
            name: "AnalysisBenchmarks",
            dependencies: [
                "BenchmarkCorpus",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "TumenAnalysis", package: "tumen"),
                .product(name: "TumenProtocol", package: "tumen"),
            ],
            path: "Benchmarks/AnalysisBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "WireBenchmarks",
            dependencies: [
                "BenchmarkCorpus",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "TumenAnalysis", package: "tumen"),
                .product(name: "TumenProtocol", package: "tumen"),
            ],
            path: "Benchmarks/WireBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)

for target in package.targets {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    target.swiftSettings = settings
}
