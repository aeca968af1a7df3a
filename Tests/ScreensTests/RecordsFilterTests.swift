import Foundation
import LabModel
import Screens
import Terminal
import Testing

/// Filtering the records with the REST API's `$filter` or Journey Builder's criteria text:
/// refusals with the line kept, the line edited anywhere, Esc that cancels, and the filter named
/// whatever happens.
@Suite struct RecordsFilterTests {
    /// A word where an operator belongs is refused naming the operators, whole on two rows of
    /// the smallest screen, with the line kept.
    @Test func aWrongOperatorIsNamedWholeAtEightyColumns() throws {
        let fixture = try ScreenFixture(size: TerminalSize(columns: 80, rows: 24))
        fixture.press(.down, .enter, .character("/"))
        fixture.type("Updated iz False")
        fixture.press(.enter)
        fixture.expectScreen(
            """
             JourneyLab · Contact Builder › Data Extensions › Members
            Members · 3 records · sendable
            Filter: Updated iz False▏ (e.g. Updated eq 'True' or Updated is True)
            ✗ The filter "Updated iz False" is not valid: "iz" is not an operator (eq, ne,
            gt, lt, like, is, equals, contains, greater, less, is null…).
            EmailAddress       MemberID  FirstName  LastName  Updated  eventinstanceid
            susan@sausage.com         1  Susan      Sausage   False
            sam@sausage.com           2  Sam        Sausage   False
            sally@sausage.com         3  Sally      Saveloy   False












                                                                                      1 of 3
            Enter Apply · Esc Cancel · Ctrl-U Erase
             Emulator http://127.0.0.1:7444 · Engine pace instant · Workspace <workspace>
            """)
    }

    /// A learner who types the tutorial's criteria text (`Updated is False`) gets the rows.
    @Test func recordsFilterWithJourneyBuildersCriteriaText() throws {
        let fixture = try ScreenFixture()
        fixture.press(.down, .enter, .character("/"))
        fixture.type("Updated is False AND LastName is not Sausage")
        fixture.press(.enter)
        fixture.expectScreen(
            """
             JourneyLab · Contact Builder › Data Extensions › Members
                                      │Members · 1 of 3 records · sendable
            Contact Builder           │Filtered: Updated is False AND LastName is not Sausage · / changes it,
              Data Extensions         │Esc clears it
              Data Designer (soon)    │EmailAddress       MemberID  FirstName  LastName  Updated  eventinstance…
              Contacts (soon)         │sally@sausage.com         3  Sally      Saveloy   False
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
            Contact Builder           │Filter: MemberID gt▏ (e.g. Updated eq 'True' or Updated is True)
              Data Extensions         │✗ The filter "MemberID gt" is not valid: "gt" needs a value. Write Field
              Data Designer (soon)    │eq 'value' or Field is value, joined with and/or.
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
}
