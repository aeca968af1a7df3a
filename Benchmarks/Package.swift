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
        // The engine benchmarks compare with hand-written SQL on the same file, and reset it between runs.
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        // `traits:` replaces the default set, whose RuntimeInterposer needs a package this
        // machine's package copy lacks.
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "WorkspaceBenchmarks",
            dependencies: [
                .product(name: "LabModel", package: journeyLab),
                .product(name: "Screens", package: journeyLab),
                .product(name: "Terminal", package: journeyLab),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/WorkspaceBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "TerminalBenchmarks",
            dependencies: [
                .product(name: "Terminal", package: journeyLab),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/TerminalBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
