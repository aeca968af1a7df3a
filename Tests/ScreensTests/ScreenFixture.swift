import Foundation
import LabModel
import Screens
import Synchronization
import Terminal
import Testing

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

/// A seeded workspace in a temporary folder and the app over it, driven by keys, with the
/// real effect runner and the workspace's real change feed: after each key the fixture waits
/// until the effects asked for have run, then hands the app what they posted, as the run
/// loop's inbox would. After every key it checks that no key is bound twice among the modes
/// in force.
final class ScreenFixture {
    static let emulatorURL = "http://127.0.0.1:7444"
    static let membersKey = "MEMBERS-KEY"
    static let preferencesKey = "PREFERENCES-KEY"

    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("journeylab-screens-\(UUID().uuidString)")
    let workspace: Workspace
    let seed: SeedScenario.Configured?
    let clock = TestClock()
    let clipboard = CopiedTexts()
    let size: TerminalSize
    let app: JourneyLabApp
    private let runner: EffectRunner
    private let inbox = Inbox<AppMessage>()
    private var observation: ChangeObservation?

    /// - Parameter seeded: the tutorial's whole set-up (members, preferences, journey…), or an
    ///   empty workspace.
    init(
        size: TerminalSize = TerminalSize(columns: 100, rows: 30), seeded: Bool = true,
        sections: [AppSection] = AppSection.all
    ) throws {
        self.size = size
        workspace = try Workspace(path: folder.appendingPathComponent("workspace.sqlite").path)
        seed =
            seeded
            ? try SeedScenario.configure(
                workspace, eventDataExternalKey: Self.preferencesKey, membersExternalKey: Self.membersKey) : nil
        let clock = self.clock
        let inbox = self.inbox
        runner = EffectRunner(workspace: workspace, post: { inbox.post($0) })
        app = JourneyLabApp(
            context: AppContext(workspace: workspace, emulatorURL: Self.emulatorURL, pace: .instant), size: size,
            effects: runner, sections: sections, clock: { clock.now }, copy: { [clipboard] text in clipboard.texts.append(text) })
        observation = workspace.observeChanges { changes in
            inbox.post(.workspace(ChangeBatch(changes)), mergingWith: AppMessage.merge)
        }
    }

    deinit {
        observation?.cancel()
        workspace.close()
        try? FileManager.default.removeItem(at: folder)
    }

    var members: DataExtension { seed!.members }

    /// Hands the app everything posted so far: effects' results and workspace changes.
    @discardableResult
    func settle() -> RunLoopStep {
        runner.waitUntilIdle()
        var step = RunLoopStep.unchanged
        while case let messages = inbox.drain(), !messages.isEmpty {
            for message in messages where app.update(.message(message)) == .redraw { step = .redraw }
        }
        return step
    }

    @discardableResult
    func press(_ keys: Key..., sourceLocation: SourceLocation = #_sourceLocation) -> RunLoopStep {
        var last = RunLoopStep.unchanged
        for key in keys {
            last = app.update(.event(.key(key)))
            settle()
            let conflicts = KeyRegistry.conflicts(among: app.activeKeyModes)
            #expect(conflicts.isEmpty, "after \(key): \(conflicts)", sourceLocation: sourceLocation)
        }
        return last
    }

    /// A key while effects still run: what the screen shows before their results arrive.
    @discardableResult
    func pressWhileEffectsRun(_ key: Key) -> RunLoopStep { app.update(.event(.key(key))) }

    func type(_ text: String) {
        for character in text { press(.character(character)) }
    }

    /// The screen's rows as drawn, trailing spaces left out.
    var screen: [String] {
        app.view(size).lines.map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }
    }

    /// The whole screen as text, the workspace's temporary path masked in the status bar.
    var text: String {
        screen.map { line in
            guard let range = line.range(of: " · Workspace ") else { return line }
            return line[..<range.upperBound] + "<workspace>"
        }.joined(separator: "\n")
    }

    /// Compares the whole screen with `expected` (trailing spaces do not count) and shows both
    /// when they differ.
    func expectScreen(_ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let wanted = expected.split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0.reversed().drop(while: { $0 == " " }).reversed())
        }.joined(separator: "\n")
        #expect(text == wanted, "the screen was:\n\(text)", sourceLocation: sourceLocation)
    }
}
