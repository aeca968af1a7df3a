import Foundation
import LabModel
import Screens
import Synchronization
import Terminal
import Testing

/// The app driven through update and view at 100×30 over a seeded workspace: what a trainee
/// sees after each key, and the records changing under them.
@Suite struct AppScreenTests {
    @Test func theFrameShowsNavigationHintsAndStatus() throws {
        let fixture = try ScreenFixture()
        let screen = fixture.screen
        #expect(screen[0].hasPrefix(" JourneyLab · Contact Builder › Data Extensions"))
        #expect(screen[2].hasPrefix("Contact Builder           │/ to filter"))
        #expect(screen[1].contains("│Data Extensions · 2 data extensions"))
        #expect(screen[4].hasPrefix("  Data Designer (soon)"))
        #expect(
            screen[28].hasPrefix(
                "Enter Records · / Filter · n New · p Properties · c Copy key · ↓ / j Move · s Sort · ? Help · q Quit"))
        #expect(screen[29].hasPrefix(" Emulator http://127.0.0.1:7444 · Pace instant · Workspace /"))
        // The list: name, external key, rows, sendable.
        #expect(screen[3].contains("│Name                External key"))
        #expect(fixture.text.contains("Members             "))
        #expect(screen.contains { $0.contains("Member Preferences") && $0.contains("No") })
        #expect(screen.contains { $0.contains("Members") && $0.contains("3  Yes") })
    }

    @Test func filteringOpeningRecordsAndGoingBack() throws {
        let fixture = try ScreenFixture()
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
        #expect(records[28].hasPrefix("a Add · s Sort · / Filter · Enter / e Edit · d Delete · Esc / q Back · ↓ / j Move"))
        fixture.press(.character("s"), .down, .enter)
        #expect(fixture.screen[3].contains("EmailAddress ▲"))
        #expect(fixture.press(.escape) == .redraw)
        #expect(fixture.screen[1].contains("│Data Extensions"))
        #expect(fixture.press(.character("q")) == .quit)
    }

    /// The moment the tutorial is about: a flag flips under the trainee's eyes.
    @Test func aChangedFlagIsHighlightedThenFades() throws {
        let fixture = try ScreenFixture()
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

    /// Add with a bad value (refused, nothing saved, typing kept), fix it, edit it, delete it.
    @Test func recordsAreAddedEditedAndDeletedThroughTheForm() throws {
        let fixture = try ScreenFixture()
        fixture.press(.down, .enter)
        fixture.press(.character("a"))
        var text = fixture.text
        #expect(text.contains("┌ New record"))
        #expect(text.contains("EmailAddress (key)") && text.contains("[ ] False"))
        #expect(fixture.screen[28].hasPrefix("Tab / ↓ Next field · Enter Save · Esc Cancel    "))
        fixture.type("nina@sausage.com")
        fixture.press(.tab)
        fixture.type("x7")
        fixture.press(.tab, .tab, .tab, .character(" "), .enter)
        text = fixture.text
        #expect(text.contains("┌ New record"), "the refused form stays open")
        #expect(text.contains("nina@sausage.com"))
        #expect(try fixture.workspace.rowCount(of: .id(fixture.seed.members.id)) == 3)
        // The refusal put the cursor in MemberID: erase the x, save.
        #expect(text.contains("✗ MemberID: the value \"x7\" is not a whole number."))
        fixture.press(.home, .delete, .enter)
        text = fixture.text
        #expect(!text.contains("┌ New record"), "\(text)")
        #expect(text.contains("Added EmailAddress = nina@sausage.com."))
        #expect(text.contains("Members · 4 records"))
        #expect(fixture.screen.contains { $0.contains("nina@sausage.com") && $0.contains("True") })

        // Edit the first record's first name; the platform's field is shown, read-only.
        fixture.press(.home, .character("e"))
        #expect(fixture.text.contains("┌ Edit record") && fixture.text.contains("(read-only)"))
        fixture.press(.tab, .tab, .end, .backspace, .backspace, .backspace, .backspace, .backspace)
        fixture.type("Suzie")
        fixture.press(.enter)
        #expect(fixture.screen.contains { $0.contains("susan@sausage.com") && $0.contains("Suzie") })

        // Delete asks first; Esc keeps the record, Delete removes it.
        fixture.press(.character("d"))
        #expect(fixture.text.contains("Delete EmailAddress = susan@sausage.com from Members?"))
        fixture.press(.escape)
        #expect(try fixture.workspace.rowCount(of: .id(fixture.seed.members.id)) == 4)
        fixture.press(.character("d"), .left, .enter)
        #expect(try fixture.workspace.rowCount(of: .id(fixture.seed.members.id)) == 3)
        #expect(fixture.text.contains("Deleted EmailAddress = susan@sausage.com."))
    }

    @Test func recordsFilterWithTheRowsetSyntax() throws {
        let fixture = try ScreenFixture()
        fixture.press(.down, .enter, .character("/"))
        fixture.type("MemberID gt")
        fixture.press(.enter)
        #expect(fixture.text.contains("✗ The filter \"MemberID gt\" is not valid"))
        #expect(fixture.text.contains("Members · 3 records"))
        // Still typing the filter: what was typed is kept and typing goes on.
        fixture.type(" 1 and LastName eq 'Sausage'")
        #expect(fixture.text.contains("Filter: MemberID gt 1 and LastName eq 'Sausage'▏"))
        fixture.press(.enter)
        let screen = fixture.text
        #expect(screen.contains("Members · 1 record ·") && screen.contains("sam@sausage.com") && !screen.contains("susan@"))
        #expect(screen.contains("Filtered: MemberID gt 1 and LastName eq 'Sausage'"))
        fixture.press(.character("/"), .escape)
        #expect(fixture.text.contains("Members · 3 records"))
        // A filter pasted whole (bracketed paste) is typed in; pasted outside typing, it is ignored.
        #expect(fixture.app.update(.event(.paste("Updated eq 'False'"))) == .unchanged)
        fixture.press(.character("/"))
        #expect(fixture.app.update(.event(.paste("Updated eq 'False'\n"))) == .redraw)
        fixture.press(.enter)
        #expect(fixture.text.contains("Filtered: Updated eq 'False'") && fixture.text.contains("Members · 3 records"))
    }

    @Test func propertiesMakeADataExtensionSendable() throws {
        let fixture = try ScreenFixture()
        let preferences = fixture.seed.eventData
        fixture.press(.character("p"))
        var text = fixture.text
        #expect(text.contains("┌ Properties") && text.contains(preferences.externalKey))
        #expect(text.contains("‹ Not sendable ›"))
        fixture.press(.right, .escape)
        #expect(try fixture.workspace.dataExtension(.id(preferences.id)).isSendable == false)
        fixture.press(.character("p"), .right, .enter)
        text = fixture.text
        #expect(text.contains("✓ Member Preferences is sendable: Preference relates to Subscriber Key."), "\(text)")
        #expect(try fixture.workspace.dataExtension(.id(preferences.id)).sendableField?.name == "Preference")
        let row = try #require(fixture.screen.first { $0.contains("Member Preferences") && !$0.contains("✓") })
        #expect(row.contains(" Yes"), "\(row)")
    }

    @Test func theStatusBarSaysWhenTheEmulatorCouldNotStart() throws {
        let fixture = try ScreenFixture()
        _ = fixture.app.update(.message(.emulatorFailed(reason: "port 7444 is taken; start with --port 0 for a free one")))
        // The fixture starts with a URL; a failure is only reported when none came.
        #expect(fixture.screen[29].hasPrefix(" Emulator http://127.0.0.1:7444"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("journeylab-status-\(UUID().uuidString)")
        let workspace = try Workspace(path: folder.appendingPathComponent("w.sqlite").path)
        defer {
            workspace.close()
            try? FileManager.default.removeItem(at: folder)
        }
        let app = JourneyLabApp(context: AppContext(workspace: workspace), size: TerminalSize(columns: 100, rows: 30))
        #expect(app.view(TerminalSize(columns: 100, rows: 30)).lines[29].hasPrefix(" Emulator starting…"))
        _ = app.update(.message(.emulatorFailed(reason: "port 7444 is taken; start with --port 0 for a free one")))
        #expect(
            app.view(TerminalSize(columns: 100, rows: 30)).lines[29].hasPrefix(
                " Emulator not running: port 7444 is taken; start with --port 0 for a free one"))
    }

    @Test func theExternalKeyIsCopiedWhole() throws {
        let fixture = try ScreenFixture()
        fixture.press(.down, .character("c"))
        #expect(fixture.clipboard.texts == [fixture.seed.members.externalKey])
        #expect(fixture.text.contains("✓ Copied the external key \(fixture.seed.members.externalKey)"))
    }

    @Test func theNavigationListsEveryAppAndSaysWhatIsNotBuiltYet() throws {
        let fixture = try ScreenFixture()
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
