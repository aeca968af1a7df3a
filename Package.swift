// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "JourneyLab",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "journeylab", targets: ["journeylab"]),
        .library(name: "LabModel", targets: ["LabModel"]),
        .library(name: "Terminal", targets: ["Terminal"]),
        .library(name: "Screens", targets: ["Screens"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    ],
    targets: [
        // No `pkgConfig:`: SwiftPM drops the -D flags of ncursesw.pc with a warning on every
        // build, so the shim defines what the wide-character API needs itself.
        .systemLibrary(
            name: "CNCursesW",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        .target(
            name: "LabModel",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                // The C API, for binding bulk-insert values without per-row Swift allocations.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // JSON as the emulator and the client read and write it: a leaf both import.
        .target(name: "LabJSON"),
        .target(
            name: "LabServer",
            dependencies: [
                "LabModel", "LabJSON", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // Served at /openapi.json.
            resources: [.copy("openapi.json")]
        ),
        .target(
            name: "LabClient",
            dependencies: [
                "LabJSON", .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .target(name: "Terminal", dependencies: ["CNCursesW"]),
        .target(
            name: "Screens",
            dependencies: ["LabModel", "LabClient", "Terminal"],
            path: "Screens"
        ),
        .executableTarget(
            name: "journeylab",
            dependencies: [
                "LabModel", "LabServer", "LabClient", "Terminal", "Screens",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                // To tell a taken port (NIO's bind error) from other failures.
                .product(name: "NIOCore", package: "swift-nio"),
                // `serve`'s console: the access log and --log-level.
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "TestSupport",
            // Logging: to keep the lines `serve`'s console would print.
            dependencies: ["LabServer", "LabModel", .product(name: "Logging", package: "swift-log")],
            path: "Tests/TestSupport"),
        .testTarget(
            name: "LabModelTests",
            dependencies: [
                "LabModel", "TestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "LabJSONTests",
            dependencies: ["LabJSON", .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(
            name: "LabServerTests",
            dependencies: [
                "LabServer", "LabModel", "LabJSON", "TestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
                // To write a workspace as another program would, behind the emulator's back.
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(name: "LabClientTests", dependencies: ["LabClient", "LabJSON", "LabServer", "LabModel", "TestSupport"]),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal"]),
        .testTarget(
            name: "ScreensTests",
            dependencies: [
                "Screens", "LabModel", "Terminal", "TestSupport",
                // To break a workspace from a second connection, as a damaged file would be.
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(name: "JourneylabTests", dependencies: ["journeylab", "LabModel", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
