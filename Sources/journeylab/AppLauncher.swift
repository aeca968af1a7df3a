import Foundation
import LabModel
import LabServer
import NIOCore
import Screens
import Synchronization
import Terminal

/// Runs the full-screen app: owns the workspace, serves the emulator beside it (so curl, SDKs
/// and `journeylab fire` reach the same workspace), runs the engine, and forwards the
/// workspace's changes to the screens.
struct AppLauncher {
    let path: String
    let port: Int
    let pace: Pace
    let terminal: TerminalOptions

    func run() throws {
        // The terminal first: without one, nothing is opened or created.
        let backend: CursesBackend
        do {
            backend = try CursesBackend(options: terminal)
        } catch let error as TerminalStartError {
            throw CommandFailure(error.description)
        }
        let workspace: Workspace
        do {
            workspace = try Workspace(path: path)
            try ScriptCredentials.ensureApp(in: workspace)
        } catch {
            // The shell's terminal back before the reason is printed.
            backend.shutDown()
            throw error
        }
        defer { workspace.close() }
        workspace.engine.settings.pace = pace
        workspace.engine.start()
        let loop = RunLoop<AppMessage>(backend: backend)
        let inbox = loop.inbox
        let address =
            port == EmulatorAddress.defaultPort
            ? EmulatorAddress.defaultOrFree() : EmulatorAddress(host: "127.0.0.1", port: port)
        let server = EmulatorServer(workspace: workspace, address: address, tokenLifetime: nil, logLevel: .critical)
        let serving = Task {
            do {
                try await server.run { url in
                    workspace.recordServerURL(url)
                    inbox.post(.emulatorStarted(url: url))
                }
            } catch let error as IOError where error.errnoCode == EADDRINUSE {
                inbox.post(.emulatorFailed(reason: "port \(address.port) is taken; start with --port 0 for a free one"))
            } catch is CancellationError {
            } catch {
                inbox.post(.emulatorFailed(reason: String(describing: error)))
            }
        }
        let feed = Task { await Self.forward(workspace.changes(), to: inbox) }
        let ticker = Task {
            while !Task.isCancelled {
                try await Task.sleep(for: .milliseconds(250))
                inbox.post(.tick)
            }
        }
        let app = JourneyLabApp(
            context: AppContext(workspace: workspace, pace: pace), size: backend.size, copy: { backend.copyToClipboard($0) })
        loop.run(update: app.update, view: app.view)
        serving.cancel()
        feed.cancel()
        ticker.cancel()
        try runBlocking {
            _ = await serving.result
            await workspace.engine.stop()
        }
        workspace.recordServerURL(nil)
    }

    /// Changes gathered for a tenth of a second: a bulk run sends thousands.
    private static func forward(_ changes: AsyncStream<WorkspaceChange>, to inbox: Inbox<AppMessage>) async {
        let pending = Mutex<[WorkspaceChange]>([])
        let flusher = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(100))
                let batch = pending.withLock { changes in
                    defer { changes = [] }
                    return changes
                }
                if !batch.isEmpty { inbox.post(.workspace(batch)) }
            }
        }
        for await change in changes { pending.withLock { $0.append(change) } }
        flusher.cancel()
    }
}
