import Foundation
import LabModel
import LabServer
import Logging
import Synchronization

/// A real emulator on 127.0.0.1 (a free port) over a temporary workspace, its engine running;
/// seeded with the tutorial's configuration unless told otherwise. It can be restarted on the
/// same port, which forgets every token it issued, as restarting `journeylab serve` does.
public final class RunningEmulator: Sendable {
    public static let seedTriggerKey = "CONTACT-EVENT-f34a064a-32bb-f015-f4fa-e178f4f57d4d"
    public static let seedEventDataKey = "7CD9E124-6AA3-4884-85B3-B5BFE0CF68F9"

    public let folder: URL
    public let workspace: Workspace
    public let seed: SeedScenario.Configured?
    private let tokenLifetime: TimeInterval?
    private let rateLimit: RateLimit?
    private let state = Mutex<(url: String, server: Task<Void, any Error>?)>(("", nil))

    public var baseURL: String { state.withLock { $0.url } }

    /// The lines `serve`'s console would print (the access log), oldest first.
    public var accessLogLines: [String] { accessLines.lines.withLock { $0 } }
    private let accessLines = CollectedLines()

    public init(seeded: Bool = true, tokenLifetime: TimeInterval? = nil, rateLimit: RateLimit? = nil) async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("journeylab-emulator-\(UUID().uuidString)")
        workspace = try Workspace(path: folder.appendingPathComponent("workspace.sqlite").path)
        seed =
            seeded
            ? try SeedScenario.configure(workspace, triggerKey: Self.seedTriggerKey, eventDataExternalKey: Self.seedEventDataKey)
            : nil
        self.tokenLifetime = tokenLifetime
        self.rateLimit = rateLimit
        workspace.engine.start()
        try await start(port: 0)
    }

    deinit {
        state.withLock { $0.server?.cancel() }
        workspace.close()
        try? FileManager.default.removeItem(at: folder)
    }

    /// Stops the server and starts a new one on the same port.
    public func restart() async throws {
        let (url, server) = state.withLock { $0 }
        server?.cancel()
        _ = await server?.result
        let port = Int(url.split(separator: ":").last ?? "") ?? 0
        // The old listener may close a moment after its task ends.
        let deadline = Date().addingTimeInterval(10)
        while true {
            do {
                return try await start(port: port)
            } catch  where Date() < deadline {
                try await Task.sleep(for: .milliseconds(50))
            }
        }
    }

    private func start(port: Int) async throws {
        let (urls, continuation) = AsyncStream.makeStream(of: String.self)
        let emulator = EmulatorServer(
            workspace: workspace, address: EmulatorAddress(host: "127.0.0.1", port: port), tokenLifetime: tokenLifetime,
            logLevel: .critical, rateLimit: rateLimit,
            accessLog: Logger(label: "journeylab.test.access") { [accessLines] _ in CollectingLogHandler(into: accessLines) })
        let server = Task {
            defer { continuation.finish() }
            try await emulator.run { continuation.yield($0) }
        }
        var iterator = urls.makeAsyncIterator()
        guard let url = await iterator.next() else { throw ChildProcess.Failure(description: "the emulator did not start") }
        state.withLock { $0 = (url, server) }
    }
}

/// Lines logged, kept in order.
final class CollectedLines: Sendable {
    let lines = Mutex<[String]>([])
}

/// A log handler keeping each message: the access log as `serve` would print it.
struct CollectingLogHandler: LogHandler {
    let collected: CollectedLines
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info

    init(into collected: CollectedLines) { self.collected = collected }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        collected.lines.withLock { $0.append(event.message.description) }
    }
}
