import Foundation
import LabModel
import Screens
import Terminal
import Testing

/// What a new screen takes: its own type, its key actions, and one line in the section table.
/// This one is written entirely here; the shell, the hint bar, the help and the key check take
/// it as they take the real screens.
@Suite struct NewScreenTests {
    enum GreetingAction: Sendable, Hashable, CaseIterable {
        case wave, back
    }

    static let greetingKeys = KeyMode<GreetingAction>(name: "greeting", summary: "Greeting") { action in
        switch action {
        case .wave: KeyBinding([.character("w")], help: "Wave at the trainee", hint: "Wave")
        case .back: KeyBinding([.escape], help: "Back to the navigation", hint: "Back")
        }
    }

    final class GreetingScreen: Screen {
        var area = Rect(x: 0, y: 0, width: 0, height: 0)
        var waves = 0
        let dataExtensions: String

        init(context: ScreenContext) {
            do {
                dataExtensions = "\(try context.workspace.dataExtensions().count) data extensions"
            } catch {
                dataExtensions = "no data extensions read: \(error)"
            }
        }

        var title: String { "Greeting" }
        var keyModes: [AnyKeyMode] { [NewScreenTests.greetingKeys.erased] }
        var isTakingTyping: Bool { false }

        func handle(_ input: ScreenInput) -> ScreenOutcome {
            guard case .key(let key) = input, let action = NewScreenTests.greetingKeys.action(for: key) else { return .ignored }
            switch action {
            case .wave: waves += 1
            case .back: return .back
            }
            return .handled
        }

        func render(into buffer: inout Buffer, area: Rect) {
            buffer.write("Hello · \(waves) waves · \(dataExtensions)", x: area.x, y: area.y, clip: area)
        }
    }

    @Test func aStubScreenIsItsFileItsKeysAndOneLineOfTheTable() throws {
        let sections =
            AppSection.all + [AppSection(app: "JourneyLab", name: "Greeting") { GreetingScreen(context: $0) }]
        let fixture = try ScreenFixture(size: TerminalSize(columns: 80, rows: 24), sections: sections)
        fixture.press(.character("h"))
        for _ in sections.indices { fixture.press(.down) }
        fixture.press(.enter, .character("w"), .character("w"))
        fixture.expectScreen(
            """
             JourneyLab · JourneyLab › Greeting
            Hello · 2 waves · 2 data extensions




















            w Wave · Esc Back · ← / h Apps · ? Help · q Quit
             Emulator http://127.0.0.1:7444 · Engine pace instant · Workspace <workspace>
            """)
        fixture.press(.escape)
        #expect(fixture.app.activeKeyModes.first?.name == "navigation")
    }
}
