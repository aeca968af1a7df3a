import Foundation
import LabModel
import Screens
import Terminal
import Testing

/// `s` in the records: the column picked from a list, the current one again reverses, row
/// order restores the order rows were added in, Esc changes nothing.
@Suite struct SortChooserTests {
    func firstEmails(_ fixture: ScreenFixture) -> [String] {
        fixture.screen.compactMap { line in line.split(separator: " ").first { $0.contains("@") }.map(String.init) }
    }

    @Test func pickingReversingAndGoingBackToRowOrder() throws {
        let fixture = try ScreenFixture()
        fixture.press(.down, .enter)
        let rowOrder = firstEmails(fixture)
        #expect(rowOrder.count == 3)
        fixture.press(.character("s"))
        var screen = fixture.text
        #expect(screen.contains("┌ Sort by"))
        #expect(screen.contains("Row order (as added)") && screen.contains("│EmailAddress"))
        #expect(screen.contains("Enter Sort · Esc Cancel"))
        // A modal list: q is not "back", ? is not help.
        fixture.press(.character("q"), .character("?"))
        #expect(fixture.text.contains("┌ Sort by"))
        fixture.press(.down, .enter)
        #expect(fixture.screen[3].contains("EmailAddress ▲"))
        #expect(firstEmails(fixture) == rowOrder.sorted())
        fixture.press(.character("s"))
        screen = fixture.text
        #expect(screen.contains("EmailAddress  ▲ (again: ▼)"))
        fixture.press(.enter)
        #expect(fixture.screen[3].contains("EmailAddress ▼"))
        #expect(firstEmails(fixture) == rowOrder.sorted().reversed())
        fixture.press(.character("s"), .escape)
        #expect(fixture.screen[3].contains("EmailAddress ▼") && !fixture.text.contains("Sort by"))
        fixture.press(.character("s"), .up, .enter)
        #expect(!fixture.screen[3].contains("▲") && !fixture.screen[3].contains("▼"))
        #expect(firstEmails(fixture) == rowOrder)
    }
}
