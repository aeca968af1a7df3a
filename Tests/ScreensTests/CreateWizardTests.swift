import Foundation
import LabModel
import Screens
import Terminal
import Testing

/// Creating a data extension with `n`: the details, then the attributes grid, checked as it is
/// typed; nothing reaches the workspace until the whole definition is valid, and Esc leaves
/// nothing behind.
@Suite struct CreateWizardTests {
    func dataExtensionNames(_ fixture: ScreenFixture) throws -> [String] {
        try fixture.workspace.dataExtensions().map(\.name).sorted()
    }

    /// Fills the focused row from its first cell (the type by its letters), then Tab past its last
    /// cell: the focus ends on the next row's name.
    func fill(
        _ fixture: ScreenFixture, name: String, type: String = "", key: Bool = false, length: String = "",
        defaultValue: String = ""
    ) {
        fixture.type(name)
        fixture.press(.tab)
        fixture.type(type)
        fixture.press(.tab)
        if key { fixture.press(.character(" ")) }
        fixture.press(.tab, .tab)
        fixture.type(length)
        fixture.press(.tab)
        fixture.type(defaultValue)
        fixture.press(.tab)
    }

    @Test func escapeFromTheDetailsCreatesNothing() throws {
        let fixture = try ScreenFixture()
        let before = try dataExtensionNames(fixture)
        fixture.press(.character("n"))
        fixture.expectScreen(
            """
             JourneyLab · Contact Builder › Data Extensions › New
                                      │New data extension   1 Details   2 Attributes
            Contact Builder           │
              Data Extensions         │
              Data Designer (soon)    │        Name
              Contacts (soon)         │External key
            Journey Builder           │ Description
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
                                      │A blank external key gets a generated one. Enter Next · Esc Cancel
                                      │
            Enter Next · Esc Cancel · Tab / ↓ Next field
             Emulator http://127.0.0.1:7444 · Engine pace instant · Workspace <workspace>
            """)
        // Nothing typed: Esc just leaves.
        fixture.press(.escape)
        #expect(fixture.screen[1].contains("│Data Extensions · 2 data extensions"))
        // Something typed: Esc asks first; "Keep editing" keeps it, "Discard" creates nothing.
        fixture.press(.character("n"))
        fixture.type("Gym?")
        fixture.press(.escape)
        fixture.expectScreen(
            """
             JourneyLab · Contact Builder › Data Extensions › New
                                      │New data extension   1 Details   2 Attributes
            Contact Builder           │
              Data Extensions         │
              Data Designer (soon)    │        Name  Gym?
              Contacts (soon)         │External key
            Journey Builder           │ Description
              Journeys (soon)         │
            Automation Studio         │
              Automations (soon)      │
            App Center                │
              Apps (soon)             │      ┌ Discard ─────────────────────────────────────────────────┐
            JourneyLab                │      │ Throw away the new data extension? Nothing has been      │
              API Console (soon)      │      │ created; what you typed is lost.                         │
              Event Flow (soon)       │      │                                                          │
                                      │      │              [ Discard ]  [ Keep editing ]               │
                                      │      └──────────────────────────────────────────────────────────┘
                                      │
                                      │
                                      │
                                      │
                                      │
                                      │
                                      │
                                      │
                                      │
                                      │A blank external key gets a generated one. Enter Next · Esc Cancel
                                      │
            Enter Choose · y / Y Yes · Esc / n / N Cancel
             Emulator http://127.0.0.1:7444 · Engine pace instant · Workspace <workspace>
            """)
        fixture.press(.enter)
        #expect(fixture.text.contains("Name  Gym?"))
        fixture.press(.escape, .character("y"))
        #expect(fixture.screen[1].contains("│Data Extensions · 2 data extensions"))
        #expect(try dataExtensionNames(fixture) == before)
    }

    /// At 80×24 every column of the grid is reachable: the grid scrolls sideways to the focused
    /// cell, so nobody types into a cell they cannot see.
    @Test func theAttributesAt80By24() throws {
        let fixture = try ScreenFixture(size: TerminalSize(columns: 80, rows: 24))
        fixture.press(.character("n"))
        fixture.type("A data extension with a long name to see it wrap")
        fixture.press(.enter)
        fill(fixture, name: "EmailAddressOfTheMemberWhoJoined", type: "e", key: true)
        fixture.type("Updated")
        fixture.press(.tab)
        fixture.type("b")
        fixture.press(.tab, .tab, .tab, .tab)
        fixture.type("maybe")
        fixture.expectScreen(
            """
             JourneyLab · Contact Builder › Data Extensions › New
            New data extension   1 Details   2 Attributes


              Field name           Type           Key Req Length  Default
              EmailAddressOfTheMe… EmailAddress   [x] [x]
            ✗ Updated              Boolean        [ ] [ ]         maybe











            ✗ Row 2: Field Updated: the default value "maybe" is not a boolean (use True,
            False, 1, 0, yes or no).
            What a record gets when it gives none: True or False for a Boolean, GetDate()
            for now. Enter Create · Esc Back
            Enter Create · Esc Back · Tab Next cell · Ctrl-N / Ins New row · Ctrl-D Delete …
             Emulator http://127.0.0.1:7444 · Engine pace instant · Workspace <workspace>
            """)
    }

    @Test func aNameAlreadyTakenIsSaidAsItIsTypedAndTheStepWaits() throws {
        let fixture = try ScreenFixture()
        fixture.press(.character("n"))
        fixture.press(.enter)
        #expect(fixture.text.contains("✗ The data extension needs a name."))
        fixture.type("members")
        #expect(fixture.text.contains("✗ A data extension named \"members\" already exists."))
        fixture.press(.enter)
        #expect(fixture.screen[4].contains("Name  members"))
        fixture.type("2")
        #expect(!fixture.text.contains("✗"))
        fixture.press(.tab)
        fixture.type(ScreenFixture.membersKey.lowercased())
        fixture.expectScreen(
            """
             JourneyLab · Contact Builder › Data Extensions › New
                                      │New data extension   1 Details   2 Attributes
            Contact Builder           │
              Data Extensions         │
              Data Designer (soon)    │        Name  members2
              Contacts (soon)         │External key  members-key
            Journey Builder           │              ✗ The external key "members-key" is already used by another
              Journeys (soon)         │              data extension.
            Automation Studio         │ Description
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
                                      │A blank external key gets a generated one. Enter Next · Esc Cancel
                                      │
            Enter Next · Esc Cancel · Tab / ↓ Next field
             Emulator http://127.0.0.1:7444 · Engine pace instant · Workspace <workspace>
            """)
        fixture.press(.enter)
        #expect(fixture.screen[1].contains("1 Details"))
        #expect(fixture.screen.contains { $0.contains("External key") })
    }

    @Test func theSeedsMemberDataExtensionIsCreatedFieldByField() throws {
        let fixture = try ScreenFixture()
        fixture.press(.character("n"))
        fixture.type("Gym Members")
        fixture.press(.tab, .tab)
        fixture.type("Members who joined the gym")
        fixture.press(.enter)
        fixture.expectScreen(
            """
             JourneyLab · Contact Builder › Data Extensions › New
                                      │New data extension   1 Details   2 Attributes
            Contact Builder           │
              Data Extensions         │
              Data Designer (soon)    │  Field name           Type           Key Req Length  Default
              Contacts (soon)         │                       Text           [ ] [ ]
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
                                      │Type the first field's name; Tab moves on, and past the last cell starts
                                      │the next field.
                                      │Blank length: the type's default (Text 50, Email 254); Decimal: 18,2.
                                      │Enter Create · Esc Back
            Enter Create · Esc Back · Tab Next cell · Ctrl-N / Ins New row · Ctrl-D Delete row
             Emulator http://127.0.0.1:7444 · Engine pace instant · Workspace <workspace>
            """)
        fill(fixture, name: "EmailAddress", type: "e", key: true)
        fill(fixture, name: "MemberID", type: "n")
        fill(fixture, name: "FirstName", length: "100")
        fill(fixture, name: "LastName")
        fill(fixture, name: "Updated", type: "b", defaultValue: "maybe")
        // Checked as typed: the row says what is wrong before anything is tried.
        #expect(fixture.text.contains("✗ Updated"))
        #expect(fixture.text.contains("✗ Row 5: Field Updated: the default value \"maybe\""))
        let before = try dataExtensionNames(fixture)
        fixture.press(.enter)
        #expect(try dataExtensionNames(fixture) == before)
        #expect(fixture.screen[1].contains("2 Attributes"))
        // Enter put the cursor in the cell to fix.
        for _ in 0..<5 { fixture.press(.backspace) }
        fixture.type("False")
        fixture.expectScreen(
            """
             JourneyLab · Contact Builder › Data Extensions › New
                                      │New data extension   1 Details   2 Attributes
            Contact Builder           │
              Data Extensions         │
              Data Designer (soon)    │  Field name           Type           Key Req Length  Default
              Contacts (soon)         │  EmailAddress         EmailAddress   [x] [x]
            Journey Builder           │  MemberID             Number         [ ] [ ]
              Journeys (soon)         │  FirstName            Text           [ ] [ ] 100
            Automation Studio         │  LastName             Text           [ ] [ ]
              Automations (soon)      │  Updated              Boolean        [ ] [ ]         False
            App Center                │                       Text           [ ] [ ]
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
                                      │✓ Enter creates Gym Members with 5 fields.
                                      │
                                      │What a record gets when it gives none: True or False for a Boolean,
                                      │GetDate() for now. Enter Create · Esc Back
            Enter Create · Esc Back · Tab Next cell · Ctrl-N / Ins New row · Ctrl-D Delete row
             Emulator http://127.0.0.1:7444 · Engine pace instant · Workspace <workspace>
            """)
        fixture.press(.enter)

        #expect(fixture.screen[1].contains("│Data Extensions · 3 data extensions"))
        #expect(fixture.text.contains("✓ Created Gym Members with 5 fields, external key"))
        let created = try #require(try fixture.workspace.dataExtensions().first { $0.name == "Gym Members" })
        #expect(created.description == "Members who joined the gym")
        #expect(created.fields.map(\.name) == ["EmailAddress", "MemberID", "FirstName", "LastName", "Updated"])
        #expect(created.fields.map(\.type) == [.emailAddress, .number, .text, .text, .boolean])
        #expect(created.fields.map(\.length) == [254, nil, 100, 50, nil])
        #expect(created.primaryKey.map(\.name) == ["EmailAddress"])
        #expect(created.fields[4].defaultValue == "False")
        #expect(created.externalKey.count == 36)
        // The new one is selected: Enter opens its (empty) records.
        fixture.press(.enter)
        #expect(fixture.screen[1].contains("│Gym Members · 0 records"))
    }

    @Test func lengthsAreCheckedByTypeAndDecimalsTakePrecisionAndScale() throws {
        let fixture = try ScreenFixture()
        fixture.press(.character("n"))
        fixture.type("Prices")
        fixture.press(.enter)
        fill(fixture, name: "Code", length: "5000")
        #expect(fixture.text.contains("✗ Row 1: Field Code: length 5000 is outside 1–4000."))
        // Up to Code, across to its length, and shorter.
        fixture.press(.up, .tab, .tab, .tab, .tab)
        for _ in 0..<4 { fixture.press(.backspace) }
        fixture.type("12")
        #expect(!fixture.text.contains("✗"))
        fixture.press(.tab, .tab)
        fill(fixture, name: "Amount", type: "d", length: "18,2")
        fill(fixture, name: "Units", type: "n", length: "9")
        #expect(fixture.text.contains("✗ Row 3: Field Units: a Number field has no length."))
        fixture.press(.up)
        fixture.press(.control("d"))
        #expect(fixture.text.contains("✓ Enter creates Prices with 2 fields."))
        fixture.press(.enter)
        let created = try #require(try fixture.workspace.dataExtensions().first { $0.name == "Prices" })
        #expect(created.fields.map(\.type) == [.text, .decimal(precision: 18, scale: 2)])
        #expect(created.fields[0].length == 12)
    }

    @Test func repeatedFieldNamesAndBlankRowsAndGoingBack() throws {
        let fixture = try ScreenFixture()
        fixture.press(.character("n"))
        fixture.type("Zoë’s 日本 list")
        fixture.press(.enter)
        fixture.press(.enter)
        #expect(fixture.text.contains("✗ A data extension needs at least one field."))
        fill(fixture, name: "Email")
        fill(fixture, name: "email")
        #expect(fixture.text.contains("✗ Row 2: Two fields are named \"email\" (names ignore case)."))
        // Back to the details and forward again: the grid is as it was.
        fixture.press(.escape)
        #expect(fixture.screen[4].contains("Name  Zoë’s 日本 list"))
        fixture.press(.enter)
        #expect(fixture.screen[6].contains("email"))
        fixture.press(.up, .control("d"))
        // The blank row Tab started is not a field.
        fixture.press(.enter)
        let created = try #require(try fixture.workspace.dataExtensions().first { $0.name == "Zoë’s 日本 list" })
        #expect(created.fields.map(\.name) == ["Email"])
        #expect(fixture.screen.contains { $0.contains("Zoë’s 日本 list") })
    }
}
