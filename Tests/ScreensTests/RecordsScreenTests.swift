import Foundation
import LabModel
import Screens
import Terminal
import Testing

/// A data extension's records: opened from the list, sorted, kept current, changing under the
/// trainee's eyes.
@Suite struct RecordsScreenTests {
    @Test func openingSortingAndGoingBackAt100By30() throws {
        let fixture = try ScreenFixture()
        fixture.press(.down, .enter)
        fixture.expectScreen(
            """
             JourneyLab · Contact Builder › Data Extensions › Members
                                      │Members · 3 records · sendable
            Contact Builder           │External key MEMBERS-KEY
              Data Extensions         │EmailAddress       MemberID  FirstName  LastName  Updated  eventinstance…
              Data Designer (soon)    │susan@sausage.com         1  Susan      Sausage   False
              Contacts (soon)         │sam@sausage.com           2  Sam        Sausage   False
            Journey Builder           │sally@sausage.com         3  Sally      Saveloy   False
              Journeys (soon)         │
            Automation Studio         │
              Automations (soon)      │
            App Center                │
              Apps (soon)             │
            JourneyLab                │
              API Console (soon)      │
              Event Flow (soon)       │
                                      │
                                      │
                                      │
                                      │
                                      │
                                      │
                                      │
                                      │
                                      │
                                      │
                                      │
                                      │
                                      │                                                                   1 of 3
            a Add · / Filter · s Sort · Enter / e Edit · d Delete · Esc Back · ? Help · q Quit
             Emulator http://127.0.0.1:7444 · Engine pace instant · Workspace <workspace>
            """)
        fixture.press(.character("s"))
        fixture.expectScreen(
            """
             JourneyLab · Contact Builder › Data Extensions › Members
                                      │Members · 3 records · sendable
            Contact Builder           │External key MEMBERS-KEY
              Data Extensions         │EmailAddress       MemberID  FirstName  LastName  Updated  eventinstance…
              Data Designer (soon)    │susan@sausage.com         1  Susan      Sausage   False
              Contacts (soon)         │sam@sausage.com           2  Sam        Sausage   False
            Journey Builder           │sally@sausage.com         3  Sally      Saveloy   False
              Journeys (soon)         │
            Automation Studio         │
              Automations (soon)      │                     ┌ Sort by ───────────────────┐
            App Center                │                     │Row order (as added)        │
              Apps (soon)             │                     │EmailAddress                │
            JourneyLab                │                     │MemberID                    │
              API Console (soon)      │                     │FirstName                   │
              Event Flow (soon)       │                     │LastName                    │
                                      │                     │Updated                     │
                                      │                     │eventinstanceid             │
                                      │                     │Enter Sort · Esc Cancel     │
                                      │                     └────────────────────────────┘
                                      │
                                      │
                                      │
                                      │
                                      │
                                      │
                                      │
                                      │
                                      │                                                                   1 of 3
            Enter Sort · Esc Cancel · ↓ / j Move
             Emulator http://127.0.0.1:7444 · Engine pace instant · Workspace <workspace>
            """)
        fixture.press(.down, .enter)
        #expect(fixture.screen[3].contains("EmailAddress ▲"))
        fixture.press(.escape)
        #expect(fixture.screen[1].contains("│Data Extensions · 2 data extensions"))
        #expect(fixture.press(.character("q")) == .quit)
    }

    /// At the smallest size the five fields fit, the notice wraps, and the bar keeps `? Help`.
    @Test func theRecordsAt80By24() throws {
        let fixture = try ScreenFixture(size: TerminalSize(columns: 80, rows: 24))
        fixture.press(.down, .enter)
        fixture.expectScreen(
            """
             JourneyLab · Contact Builder › Data Extensions › Members
            Members · 3 records · sendable
            External key MEMBERS-KEY
            EmailAddress       MemberID  FirstName  LastName  Updated  eventinstanceid
            susan@sausage.com         1  Susan      Sausage   False
            sam@sausage.com           2  Sam        Sausage   False
            sally@sausage.com         3  Sally      Saveloy   False














                                                                                      1 of 3
            a Add · / Filter · s Sort · Enter / e Edit · d Del… ← / h Apps · ? Help · q Quit
             Emulator http://127.0.0.1:7444 · Engine pace instant · Workspace <workspace>
            """)
    }

    /// The moment the tutorial is about: a flag flips under the trainee's eyes.
    @Test func aChangedFlagIsHighlightedThenFades() throws {
        let fixture = try ScreenFixture()
        fixture.press(.down, .enter)
        _ = try fixture.workspace.upsertRecord(
            in: .id(fixture.members.id), values: ["EmailAddress": "sam@sausage.com", "Updated": "True"])
        #expect(fixture.settle() == .redraw)
        let view = fixture.app.view(fixture.size)
        let row = try #require(view.lines.firstIndex { $0.contains("sam@sausage.com") })
        #expect(view.lines[row].contains("True"))
        let column = try #require(view.lines[row].range(of: "True")).lowerBound.utf16Offset(in: view.lines[row])
        #expect(view[x: column, y: row].style.role == .highlight)
        // Two seconds on: softer; five: gone.
        fixture.clock.advance(by: .seconds(2))
        #expect(fixture.app.update(.message(.tick)) == .redraw)
        #expect(fixture.app.view(fixture.size)[x: column, y: row].style.role != .highlight)
        fixture.clock.advance(by: .seconds(3))
        _ = fixture.app.update(.message(.tick))
        #expect(fixture.app.update(.message(.tick)) == .unchanged)
        #expect(fixture.app.view(fixture.size)[x: column, y: row].style.role == .normal)
    }

    /// A change off screen that adds nothing and moves nothing does not re-read the window.
    @Test func aScreenRefreshesOnlyWhenWhatItShowsChanged() throws {
        let fixture = try ScreenFixture()
        fixture.press(.down, .enter)
        _ = try fixture.workspace.addRecord(to: .id(fixture.members.id), values: ["EmailAddress": "nina@sausage.com"])
        fixture.settle()
        #expect(fixture.text.contains("Members · 4 records") && fixture.text.contains("nina@sausage.com"))
        // Another data extension's rows: nothing here changes.
        let preferences = try #require(fixture.seed?.eventData)
        _ = try fixture.workspace.addRecord(to: .id(preferences.id), values: ["Preference": "frankfurter"])
        let before = fixture.text
        fixture.settle()
        #expect(fixture.text == before)
    }

    /// Leaving a data extension and opening it again finds its filter and order as they were.
    @Test func aFilterAndSortSurviveLeavingAndReopening() throws {
        let fixture = try ScreenFixture()
        fixture.press(.down, .enter, .character("s"), .down, .down, .enter)
        fixture.press(.character("/"))
        fixture.type("LastName eq 'Sausage'")
        fixture.press(.enter)
        let sorted = fixture.text
        #expect(sorted.contains("MemberID ▲") && sorted.contains("Members · 2 of 3 records"))
        // To the list through the navigation (Esc would clear the filter first), and back in.
        fixture.press(.character("h"), .enter)
        #expect(fixture.screen[1].contains("│Data Extensions · 2 data extensions"))
        fixture.press(.enter)
        #expect(fixture.text == sorted)
        // Esc clears the filter, a second Esc leaves; the order is still there when it opens again.
        fixture.press(.escape, .escape, .enter)
        #expect(fixture.text.contains("MemberID ▲") && fixture.text.contains("Members · 3 records"))
    }

    /// The first sort by a field builds its index as an effect: the screen says so and keeps
    /// answering keys, the rows keep their order until the index is there, and Esc gives up.
    @Test func aFirstSortBuildsItsIndexWhileTheKeysKeepWorking() throws {
        let fixture = try ScreenFixture()
        fixture.press(.down, .enter, .character("s"), .down, .down, .down, .down)
        fixture.pressWhileEffectsRun(.enter)
        let waiting = fixture.text
        #expect(waiting.contains("… Sorting by LastName: building its index once"))
        #expect(!waiting.contains("LastName ▲"))
        #expect(fixture.pressWhileEffectsRun(.down) == .redraw)
        #expect(fixture.text.contains("2 of 3"))
        fixture.settle()
        #expect(fixture.text.contains("LastName ▲") && !fixture.text.contains("Sorting by"))
        // A second field, given up with Esc before its index is there: the order stays.
        fixture.press(.character("s"), .up)
        fixture.pressWhileEffectsRun(.enter)
        fixture.pressWhileEffectsRun(.escape)
        fixture.settle()
        #expect(
            fixture.text.contains("LastName ▲")
                && fixture.text.contains("Not sorting by FirstName after all"))
        #expect(fixture.text.contains("Members · 3 records"), "Esc gave up the sort, it did not leave")
    }
}
