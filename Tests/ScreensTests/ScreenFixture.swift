import Foundation
import LabModel
import Screens
import Synchronization
import Terminal

/// Time that moves only when a test says so, so fading is checked without sleeping.
final class TestClock: Sendable {
    private let instant = Mutex(ContinuousClock.now)
    var now: ContinuousClock.Instant { instant.withLock { $0 } }
    func advance(by duration: Duration) { instant.withLock { $0 += duration } }
}

/// What the app asked the terminal to copy.
final class CopiedTexts {
    var texts: [String] = []
}

/// A seeded workspace in a temporary folder and the app over it at 100×30, driven by keys.
final class ScreenFixture {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("journeylab-screens-\(UUID().uuidString)")
    let workspace: Workspace
    let seed: SeedScenario.Configured
    let clock = TestClock()
    let clipboard = CopiedTexts()
    let app: JourneyLabApp

    init() throws {
        workspace = try Workspace(path: folder.appendingPathComponent("workspace.sqlite").path)
        seed = try SeedScenario.configure(workspace)
        let clock = self.clock
        app = JourneyLabApp(
            context: AppContext(workspace: workspace, emulatorURL: "http://127.0.0.1:7444", pace: .instant),
            size: TerminalSize(columns: 100, rows: 30), clock: { clock.now },
            copy: { [clipboard] text in clipboard.texts.append(text) })
    }

    deinit {
        workspace.close()
        try? FileManager.default.removeItem(at: folder)
    }

    @discardableResult
    func press(_ keys: Key...) -> RunLoopStep {
        keys.map { app.update(.event(.key($0))) }.last ?? .unchanged
    }

    func type(_ text: String) {
        for character in text { _ = app.update(.event(.key(.character(character)))) }
    }

    var screen: [String] { app.view(TerminalSize(columns: 100, rows: 30)).lines }
    var text: String { screen.joined(separator: "\n") }
}
