import Foundation
import GRDB
import LabModel
import Screens
import Terminal
import Testing

/// A data extension's records: opened from the list, sorted, filtered, changed through the
/// form, and changing under the trainee's eyes.
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

    /// Add with a bad value at 80×24: refused, nothing saved, typing kept, the whole reason
    /// readable; fixed, saved; edited; deleted after the confirmation.
    @Test func recordsAreAddedEditedAndDeletedThroughTheForm() throws {
        let fixture = try ScreenFixture(size: TerminalSize(columns: 80, rows: 24))
        fixture.press(.down, .enter)
        fixture.press(.character("a"))
        fixture.type("nina@sausage.com")
        fixture.press(.tab)
        fixture.type("x7")
        fixture.press(.tab, .tab, .tab, .character(" "), .enter)
        fixture.expectScreen(
            """
             JourneyLab · Contact Builder › Data Extensions › Members
            Members · 3 records · sendable
            External key MEMBERS-KEY
            EmailAddress       MemberID  FirstName  LastName  Updated  eventinstanceid
            susan@sausage.com         1  Susan      Sausage   False
            sam@sausage.com           2  Sam        Sausage   False
            sall┌ New record ──────────────────────────────────────────────────────────┐
                │ EmailAddress (key)  nina@sausage.com                                 │
                │           MemberID  x7                                               │
                │                     ✗ MemberID: the value "x7" is not a whole        │
                │                     number.                                          │
                │          FirstName                                                   │
                │           LastName                                                   │
                │            Updated  [x] True                                         │
                │    eventinstanceid  —  (read-only)                                   │
                │ Enter Save · Esc Cancel                                              │
                └──────────────────────────────────────────────────────────────────────┘




                                                                                      1 of 3
            Enter Save · Esc Cancel · Tab / ↓ Next field
             Emulator http://127.0.0.1:7444 · Engine pace instant · Workspace <workspace>
            """)
        #expect(try fixture.workspace.rowCount(of: .id(fixture.members.id)) == 3)
        // The refusal put the cursor in MemberID: erase the x, save.
        fixture.press(.home, .delete, .enter)
        #expect(!fixture.text.contains("┌ New record"))
        #expect(fixture.text.contains("✓ Added EmailAddress = nina@sausage.com."))
        #expect(fixture.text.contains("Members · 4 records"))
        #expect(fixture.screen.contains { $0.contains("nina@sausage.com") && $0.contains("True") })

        // Edit the first record's first name; the platform's field is shown, read-only.
        fixture.press(.home, .character("e"))
        fixture.expectScreen(
            """
             JourneyLab · Contact Builder › Data Extensions › Members
            Members · 4 records · sendable
            External key MEMBERS-KEY
            EmailAddress       MemberID  FirstName  LastName  Updated  eventinstanceid
            susan@sausage.com         1  Susan      Sausage   False
            sam@sausage.com           2  Sam        Sausage   False
            sally@sausage.com         3  Sally      Saveloy   False
            nina┌ Edit record ─────────────────────────────────────────────────────────┐
                │ EmailAddress (key)  susan@sausage.com                                │
                │           MemberID  1                                                │
                │          FirstName  Susan                                            │
                │           LastName  Sausage                                          │
                │            Updated  [ ] False                                        │
                │    eventinstanceid  —  (read-only)                                   │
                │ Enter Save · Esc Cancel                                              │
                └──────────────────────────────────────────────────────────────────────┘





                                                                                      1 of 4
            Enter Save · Esc Cancel · Tab / ↓ Next field
             Emulator http://127.0.0.1:7444 · Engine pace instant · Workspace <workspace>
            """)
        fixture.press(.tab, .tab, .end, .backspace, .backspace, .backspace, .backspace, .backspace)
        fixture.type("Suzie")
        fixture.press(.enter)
        #expect(fixture.screen.contains { $0.contains("susan@sausage.com") && $0.contains("Suzie") })

        // Delete asks first; Esc keeps the record, Delete removes it.
        fixture.press(.character("d"))
        fixture.expectScreen(
            """
             JourneyLab · Contact Builder › Data Extensions › Members
            Members · 4 records · sendable
            External key MEMBERS-KEY
            EmailAddress       MemberID  FirstName  LastName  Updated  eventinstanceid
            susan@sausage.com         1  Suzie      Sausage   False
            sam@sausage.com           2  Sam        Sausage   False
            sally@sausage.com         3  Sally      Saveloy   False
            nina@sausage.com          7                       True
                      ┌ Delete record ───────────────────────────────────────────┐
                      │ Delete EmailAddress = susan@sausage.com from Members?    │
                      │ This cannot be undone.                                   │
                      │                                                          │
                      │                  [ Delete ]  [ Cancel ]                  │
                      └──────────────────────────────────────────────────────────┘







                                                                                      1 of 4
            Enter Choose · y / Y Yes · Esc / n / N Cancel
             Emulator http://127.0.0.1:7444 · Engine pace instant · Workspace <workspace>
            """)
        fixture.press(.escape)
        #expect(try fixture.workspace.rowCount(of: .id(fixture.members.id)) == 4)
        fixture.press(.character("d"), .left, .enter)
        #expect(try fixture.workspace.rowCount(of: .id(fixture.members.id)) == 3)
        #expect(fixture.text.contains("✓ Deleted EmailAddress = susan@sausage.com."))
    }

    /// A delete that does not happen is never reported as done.
    @Test func aFailedDeleteSaysSo() throws {
        let fixture = try ScreenFixture()
        fixture.press(.down, .enter)
        // Someone else deletes the row while the confirmation is open.
        fixture.press(.character("d"))
        let rowID = try #require(
            try fixture.workspace.records(of: .id(fixture.members.id), offset: 0, limit: 1, query: RecordQuery()).first?.rowID)
        _ = try fixture.workspace.deleteRecords(in: .id(fixture.members.id), rowIDs: [rowID])
        fixture.press(.character("y"))
        fixture.expectScreen(
            """
             JourneyLab · Contact Builder › Data Extensions › Members
                                      │Members · 2 records · sendable
            Contact Builder           │✗ EmailAddress = susan@sausage.com was not deleted: Members has no record
              Data Extensions         │1.
              Data Designer (soon)    │EmailAddress       MemberID  FirstName  LastName  Updated  eventinstance…
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
                                      │                                                                   1 of 2
            a Add · / Filter · s Sort · Enter / e Edit · d Delete · Esc Back · ? Help · q Quit
             Emulator http://127.0.0.1:7444 · Engine pace instant · Workspace <workspace>
            """)
        #expect(!fixture.text.contains("✓ Deleted"))
        // The rows' table broken from another connection: the delete fails, and says why.
        fixture.press(.character("d"))
        let other = try DatabaseQueue(path: fixture.workspace.path)
        let table = try other.read { db in
            try String.fetchOne(db, sql: "SELECT tableName FROM dataExtension WHERE name = 'Members'")
        }
        try other.write { try $0.execute(sql: "DROP TABLE \"\(try #require(table))\"") }
        fixture.press(.character("y"))
        #expect(fixture.text.contains("✗ EmailAddress = sam@sausage.com was not deleted:"), "\(fixture.text)")
        #expect(!fixture.text.contains("✓ Deleted"))
    }

    /// `/` takes the REST API's `$filter`; a wrong one is refused with the text kept; Esc on the
    /// records clears the filter before it leaves; a pasted filter is typed in.
    @Test func recordsFilterWithTheRowsetSyntax() throws {
        let fixture = try ScreenFixture()
        fixture.press(.down, .enter, .character("/"))
        fixture.type("MemberID gt")
        fixture.press(.enter)
        fixture.expectScreen(
            """
             JourneyLab · Contact Builder › Data Extensions › Members
                                      │Members · 3 records · sendable
            Contact Builder           │Filter: MemberID gt▏ (e.g. Updated eq 'True')
              Data Extensions         │✗ The filter "MemberID gt" is not valid: use Field eq 'value', with
              Data Designer (soon)    │and/or.
              Contacts (soon)         │EmailAddress       MemberID  FirstName  LastName  Updated  eventinstance…
            Journey Builder           │susan@sausage.com         1  Susan      Sausage   False
              Journeys (soon)         │sam@sausage.com           2  Sam        Sausage   False
            Automation Studio         │sally@sausage.com         3  Sally      Saveloy   False
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
            Enter Apply · Esc Cancel · Ctrl-U Erase
             Emulator http://127.0.0.1:7444 · Engine pace instant · Workspace <workspace>
            """)
        // Still typing the filter: what was typed is kept and typing goes on.
        fixture.type(" 1 and LastName eq 'Sausage'")
        #expect(fixture.text.contains("Filter: MemberID gt 1 and LastName eq 'Sausage'▏"))
        fixture.press(.enter)
        fixture.expectScreen(
            """
             JourneyLab · Contact Builder › Data Extensions › Members
                                      │Members · 1 of 3 records · sendable
            Contact Builder           │Filtered: MemberID gt 1 and LastName eq 'Sausage' · / changes it, Esc
              Data Extensions         │clears it
              Data Designer (soon)    │EmailAddress     MemberID  FirstName  LastName  Updated  eventinstanceid
              Contacts (soon)         │sam@sausage.com         2  Sam        Sausage   False
            Journey Builder           │
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
                                      │                                                                   1 of 1
            a Add · / Filter · s Sort · Enter / e Edit · d Delete · Esc Clear filter · ? Help · q Quit
             Emulator http://127.0.0.1:7444 · Engine pace instant · Workspace <workspace>
            """)
        fixture.press(.escape)
        #expect(fixture.text.contains("✓ Filter cleared: every record again.") && fixture.text.contains("Members · 3 records"))
        // A filter pasted whole (bracketed paste) is typed in; pasted outside typing, it is ignored.
        #expect(fixture.app.update(.event(.paste("Updated eq 'False'"))) == .unchanged)
        fixture.press(.character("/"))
        #expect(fixture.app.update(.event(.paste("Updated eq 'False'\n"))) == .redraw)
        fixture.press(.enter)
        #expect(fixture.text.contains("Filtered: Updated eq 'False'") && fixture.text.contains("Members · 3 of 3 records"))
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

    /// The filter line edits anywhere in it, Esc leaves the filter in force as it was, and a
    /// row an edit takes out of the filter leaves with the line saying why.
    @Test func theFilterLineEditsAnywhereAndEscLeavesItAsItWas() throws {
        let fixture = try ScreenFixture()
        fixture.press(.down, .enter, .character("/"))
        fixture.type("LastName eq 'Sausage'")
        fixture.press(.enter)
        #expect(fixture.text.contains("Members · 2 of 3 records"))
        fixture.press(.character("/"), .home)
        for _ in 0..<4 { fixture.press(.delete) }
        fixture.type("First")
        fixture.expectScreen(
            """
             JourneyLab · Contact Builder › Data Extensions › Members
                                      │Members · 2 of 3 records · sendable
            Contact Builder           │Filter: First▏Name eq 'Sausage' (now: LastName eq 'Sausage')
              Data Extensions         │EmailAddress       MemberID  FirstName  LastName  Updated  eventinstance…
              Data Designer (soon)    │susan@sausage.com         1  Susan      Sausage   False
              Contacts (soon)         │sam@sausage.com           2  Sam        Sausage   False
            Journey Builder           │
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
                                      │                                                                   1 of 2
            Enter Apply · Esc Cancel · Ctrl-U Erase
             Emulator http://127.0.0.1:7444 · Engine pace instant · Workspace <workspace>
            """)
        fixture.press(.escape)
        #expect(fixture.text.contains("Filtered: LastName eq 'Sausage'") && fixture.text.contains("2 of 3 records"))
        // Susan's last name changes: she leaves the filtered rows, and the filter is still named.
        fixture.press(.home, .character("e"), .tab, .tab, .tab)
        for _ in 0..<7 { fixture.press(.backspace) }
        fixture.type("Zed")
        fixture.press(.enter)
        fixture.expectScreen(
            """
             JourneyLab · Contact Builder › Data Extensions › Members
                                      │Members · 1 of 3 records · sendable
            Contact Builder           │✓ Saved EmailAddress = susan@sausage.com.
              Data Extensions         │Filtered: LastName eq 'Sausage' · / changes it, Esc clears it
              Data Designer (soon)    │EmailAddress     MemberID  FirstName  LastName  Updated  eventinstanceid
              Contacts (soon)         │sam@sausage.com         2  Sam        Sausage   False
            Journey Builder           │
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
                                      │                                                                   1 of 1
            a Add · / Filter · s Sort · Enter / e Edit · d Delete · Esc Clear filter · ? Help · q Quit
             Emulator http://127.0.0.1:7444 · Engine pace instant · Workspace <workspace>
            """)
        // Ctrl-U empties the line, and an empty filter shows every row.
        fixture.press(.character("/"), .control("u"), .enter)
        #expect(fixture.text.contains("Members · 3 records") && !fixture.text.contains("Filtered"))
    }

    /// Esc on a record form with something typed asks first, as the wizard does.
    @Test func escOnAFormWithTypingAsksFirst() throws {
        let fixture = try ScreenFixture()
        fixture.press(.down, .enter, .character("a"), .escape)
        #expect(!fixture.text.contains("New record"), "nothing typed: Esc just closes")
        fixture.press(.character("a"))
        fixture.type("nina@sausage.com")
        fixture.press(.escape)
        #expect(fixture.text.contains("Throw away what you typed? Nothing has been saved."))
        fixture.press(.escape)
        #expect(fixture.text.contains("nina@sausage.com") && fixture.text.contains("┌ New record"), "kept")
        fixture.press(.escape, .character("y"))
        #expect(!fixture.text.contains("New record") && fixture.text.contains("Members · 3 records"))
    }
}
