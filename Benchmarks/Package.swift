// swift-tools-version: 6.1
// A package of its own so `swift test` and CI never build the benchmark harness.
import Foundation
import PackageDescription

// A path dependency is known by its folder's name, which depends on where the repository was cloned.
let journeyLab = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "JourneyLabBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: ".."),
        // `traits:` replaces the default set, whose RuntimeInterposer needs a package this
        // machine's package copy lacks.
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "WorkspaceBenchmarks",
            dependencies: [
                .product(name: "LabModel", package: journeyLab),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/WorkspaceBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    ],
    swiftLanguageModes: [.v6]
)
