import Foundation
import LabModel
import Screens
import Synchronization
import Terminal
import Testing

/// The app driven through update and view at 100×30 over a seeded workspace: what a trainee
/// sees after each key, and the records changing under them.
@Suite struct AppScreenTests {
    /// Time that moves only when a test says so, so fading is checked without sleeping.
    final class TestClock: Sendable {
        private let instant = Mutex(ContinuousClock.now)
        var now: ContinuousClock.Instant { instant.withLock { $0 } }
        func advance(by duration: Duration) { instant.withLock { $0 += duration } }
    }

    final class Fixture {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("journeylab-screens-\(UUID().uuidString)")
        let workspace: Workspace
        let seed: SeedScenario.Configured
        let clock = TestClock()
        let app: JourneyLabApp

        init() throws {
            workspace = try Workspace(path: folder.appendingPathComponent("workspace.sqlite").path)
            seed = try SeedScenario.configure(workspace)
            let clock = self.clock
            app = JourneyLabApp(
                context: AppContext(workspace: workspace, emulatorURL: "http://127.0.0.1:7444", pace: .instant),
                size: TerminalSize(columns: 100, rows: 30), clock: { clock.now })
        }

        deinit {
            workspace.close()
            try? FileManager.default.removeItem(at: folder)
        }

        @discardableResult
        func press(_ keys: Key...) -> RunLoopStep {
            keys.map { app.update(.event(.key($0))) }.last ?? .unchanged
        }

        var screen: [String] { app.view(TerminalSize(columns: 100, rows: 30)).lines }
        var text: String { screen.joined(separator: "\n") }
    }

    @Test func theFrameShowsNavigationHintsAndStatus() throws {
        let fixture = try Fixture()
        let screen = fixture.screen
        #expect(screen[0].hasPrefix(" JourneyLab · Contact Builder › Data Extensions"))
        #expect(screen[2].hasPrefix("Contact Builder           │/ to filter"))
        #expect(screen[1].contains("│Data Extensions · 2 data extensions"))
        #expect(screen[4].hasPrefix("  Data Designer (soon)"))
        #expect(screen[28].hasPrefix("Enter Records · / Filter · ↓ / j Move · s Sort · ? Help · q Quit"))
        #expect(screen[29].hasPrefix(" Emulator http://127.0.0.1:7444 · Pace instant · Workspace /"))
        // The list: name, external key, rows, sendable.
        #expect(screen[3].contains("│Name                External key"))
        #expect(fixture.text.contains("Members             "))
        #expect(screen.contains { $0.contains("Member Preferences") && $0.contains("No") })
        #expect(screen.contains { $0.contains("Members") && $0.contains("3  Yes") })
    }

    @Test func filteringOpeningRecordsAndGoingBack() throws {
        let fixture = try Fixture()
        fixture.press(.character("/"), .character("p"), .character("r"), .character("e"), .character("f"))
        #expect(fixture.screen[2].contains("│Filter: pref▏"))
        #expect(!fixture.text.contains("sausage") && fixture.text.contains("Member Preferences"))
        #expect(fixture.text.contains("Enter Done · Esc Clear"))
        fixture.press(.escape)
        #expect(fixture.screen[2].contains("│/ to filter"))
        fixture.press(.down, .enter)
        let records = fixture.screen
        #expect(records[0].hasPrefix(" JourneyLab · Contact Builder › Data Extensions › Members"))
        #expect(records[1].contains("│Members · 3 records · sendable"))
        #expect(records[3].contains("│EmailAddress") && records[3].contains("Updated"))
        #expect(records.contains { $0.contains("sam@sausage.com") && $0.contains("False") })
        #expect(records[27].hasSuffix("1 of 3"))
        #expect(records[28].hasPrefix("Esc / q Back · ↓ / j Move · s Sort"))
        fixture.press(.character("s"))
        #expect(fixture.screen[3].contains("EmailAddress ▲"))
        #expect(fixture.press(.escape) == .redraw)
        #expect(fixture.screen[1].contains("│Data Extensions"))
        #expect(fixture.press(.character("q")) == .quit)
    }

    /// The moment the tutorial is about: a flag flips under the trainee's eyes.
    @Test func aChangedFlagIsHighlightedThenFades() throws {
        let fixture = try Fixture()
        fixture.press(.down, .enter)
        let members = fixture.seed.members
        _ = try fixture.workspace.upsertRecord(
            in: .id(members.id), values: ["EmailAddress": "sam@sausage.com", "Updated": "True"])
        let step = fixture.app.update(.message(.workspace([.rows(dataExtensionID: members.id, rowIDs: [1])])))
        #expect(step == .redraw)
        let view = fixture.app.view(TerminalSize(columns: 100, rows: 30))
        let row = try #require(view.lines.firstIndex { $0.contains("sam@sausage.com") })
        #expect(view.lines[row].contains("True"))
        let column = try #require(view.lines[row].range(of: "True")).lowerBound.utf16Offset(in: view.lines[row])
        #expect(view[x: column, y: row].style.role == .highlight)
        // Two seconds on: softer; five: gone.
        fixture.clock.advance(by: .seconds(2))
        #expect(fixture.app.update(.message(.tick)) == .redraw)
        #expect(fixture.app.view(TerminalSize(columns: 100, rows: 30))[x: column, y: row].style.role != .highlight)
        fixture.clock.advance(by: .seconds(3))
        _ = fixture.app.update(.message(.tick))
        #expect(fixture.app.update(.message(.tick)) == .unchanged)
        #expect(fixture.app.view(TerminalSize(columns: 100, rows: 30))[x: column, y: row].style.role == .normal)
    }

    @Test func theNavigationListsEveryAppAndSaysWhatIsNotBuiltYet() throws {
        let fixture = try Fixture()
        fixture.press(.tab)
        #expect(fixture.text.contains("↓ / j Choose · Enter / → / Tab Open"))
        fixture.press(.down, .down, .down, .enter)
        #expect(fixture.screen[0].hasPrefix(" JourneyLab · Journey Builder › Journey Builder"))
        #expect(fixture.text.contains("not yet available in this version of JourneyLab"))
        fixture.press(.character("?"))
        #expect(fixture.text.contains("┌ Keys") && fixture.text.contains("Close the help"))
        fixture.press(.escape)
        #expect(!fixture.text.contains("┌ Keys"))
        #expect(fixture.press(.character("q")) == .quit)
    }
}
