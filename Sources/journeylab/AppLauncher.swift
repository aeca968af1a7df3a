import Foundation
import LabModel
import LabServer
import NIOCore
import Screens
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
        // One hop from a commit to the screens: each batch goes straight into the inbox,
        // merged with the changes still waiting there.
        let observation = workspace.observeChanges { changes in
            inbox.post(.workspace(ChangeBatch(changes)), mergingWith: AppMessage.merge)
        }
        let ticker = Task {
            while !Task.isCancelled {
                try await Task.sleep(for: .milliseconds(250))
                inbox.post(.tick)
            }
        }
        let app = JourneyLabApp(
            context: AppContext(workspace: workspace, pace: pace), size: backend.size,
            effects: EffectRunner(workspace: workspace, post: { inbox.post($0) }), copy: { backend.copyToClipboard($0) })
        loop.run(
            update: app.update, view: app.view, capturesMouse: { app.capturesMouse },
            suspendNotice: { app.suspendNotice })
        serving.cancel()
        observation.cancel()
        ticker.cancel()
        try runBlocking {
            _ = await serving.result
            await workspace.engine.stop()
        }
        workspace.recordServerURL(nil)
    }
}
