import Foundation
import GRDB
import LabModel
import Screens
import Terminal
import Testing

/// Records added, edited and deleted through the form and the confirmation: refusals beside
/// the field, nothing lost, nothing reported done that was not.
@Suite struct RecordFormTests {
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
