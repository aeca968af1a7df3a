import Foundation
import GRDB
import LabModel
import Screens
import Terminal
import Testing

/// Contact Builder's Data Extensions list: filtering, opening the records, the properties that
/// make one sendable, and what it says when the list cannot be read.
@Suite struct DataExtensionsScreenTests {
    /// `/` filters as typed; Enter keeps it, Esc on the list clears it before it leaves.
    @Test func filteringAndClearingWithEsc() throws {
        let fixture = try ScreenFixture()
        fixture.press(.character("/"))
        fixture.type("pref")
        fixture.expectScreen(
            """
             JourneyLab · Contact Builder › Data Extensions
                                      │Data Extensions · 1 of 2 data extensions
            Contact Builder           │Filter: pref▏ (part of a name or key)
              Data Extensions         │Name                External key     Rows  Sendable
              Data Designer (soon)    │Member Preferences  PREFERENCES-KEY     0  No
              Contacts (soon)         │
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
            Enter Apply · Esc Cancel · Ctrl-U Erase
             Emulator http://127.0.0.1:7444 · Engine pace instant · Workspace <workspace>
            """)
        fixture.press(.enter)
        fixture.expectScreen(
            """
             JourneyLab · Contact Builder › Data Extensions
                                      │Data Extensions · 1 of 2 data extensions
            Contact Builder           │Filter: pref · / changes it, Esc clears it
              Data Extensions         │Name                External key     Rows  Sendable
              Data Designer (soon)    │Member Preferences  PREFERENCES-KEY     0  No
              Contacts (soon)         │
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
            Enter Records · / Filter · n New · p Properties · c Copy key · Esc Clear filter · ? Help · q Quit
             Emulator http://127.0.0.1:7444 · Engine pace instant · Workspace <workspace>
            """)
        fixture.press(.escape)
        #expect(fixture.text.contains("│Members "), "Esc cleared the filter")
        #expect(!fixture.text.contains("Contact Builder           │") == false, "and stayed on the list")
        fixture.press(.escape)
        #expect(fixture.app.activeKeyModes.first?.name == "navigation", "a second Esc goes to the navigation")
    }

    @Test func propertiesMakeADataExtensionSendable() throws {
        let fixture = try ScreenFixture()
        let preferences = try #require(fixture.seed?.eventData)
        fixture.press(.character("p"))
        fixture.expectScreen(
            """
             JourneyLab · Contact Builder › Data Extensions
                                      │Data Extensions · 2 data extensions
            Contact Builder           │/ to filter
              Data Extensions         │Name                External key     Rows  Sendable
              Data Designer (soon)    │Member Preferences  PREFERENCES-KEY     0  No
              Contacts (soon)         │Members             MEMBERS-KEY         3  Yes
            Journey Builder           │
              Journeys (soon)         │
            Automation Studio         │
              Automations (soon)      │
            App Center                │
              Apps (soon)             │ ┌ Properties ─────────────────────────────────────────────────────────┐
            JourneyLab                │ │ A Text or EmailAddress field can relate to Subscriber Key.          │
              API Console (soon)      │ │              Name  Member Preferences  (read-only)                  │
              Event Flow (soon)       │ │      External key  PREFERENCES-KEY  (read-only)                     │
                                      │ │ Send relationship  ‹ Not sendable ›                                 │
                                      │ │ ← → choose · Enter Save · Esc Cancel                                │
                                      │ └─────────────────────────────────────────────────────────────────────┘
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
            Enter Save · Esc Cancel · Tab / ↓ Next field
             Emulator http://127.0.0.1:7444 · Engine pace instant · Workspace <workspace>
            """)
        fixture.press(.right, .escape)
        #expect(try fixture.workspace.dataExtension(.id(preferences.id)).isSendable == false)
        fixture.press(.character("p"), .right, .enter)
        fixture.expectScreen(
            """
             JourneyLab · Contact Builder › Data Extensions
                                      │Data Extensions · 2 data extensions
            Contact Builder           │✓ Member Preferences is sendable: Preference relates to Subscriber Key.
              Data Extensions         │Name                External key     Rows  Sendable
              Data Designer (soon)    │Member Preferences  PREFERENCES-KEY     0  Yes
              Contacts (soon)         │Members             MEMBERS-KEY         3  Yes
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
            Enter Records · / Filter · n New · p Properties · c Copy key · ? Help · q Quit
             Emulator http://127.0.0.1:7444 · Engine pace instant · Workspace <workspace>
            """)
        #expect(try fixture.workspace.dataExtension(.id(preferences.id)).sendableField?.name == "Preference")
    }

    /// A list that cannot be read says why; it is not "No data extensions yet".
    @Test func aReadErrorIsShownNotAnEmptyList() throws {
        let fixture = try ScreenFixture(size: TerminalSize(columns: 80, rows: 24))
        // The fields' table gone from under the app (another connection, as a damaged file): every
        // read of the list fails.
        let other = try DatabaseQueue(path: fixture.workspace.path)
        try other.write { try $0.execute(sql: "DROP TABLE dataExtensionField") }
        _ = fixture.app.update(.message(.workspace(ChangeBatch([.dataExtension(fixture.members.id)]))))
        fixture.expectScreen(
            """
             JourneyLab · Contact Builder › Data Extensions
            Data Extensions
            / to filter

            ✗ The data extensions could not be read: SQLite error 1: no such table:
            dataExtensionField - while executing `SELECT * FROM "dataExtensionField" ORDER
            BY "ordinal"`















            Enter Records · / Filter · n New · p Properties · … ← / h Apps · ? Help · q Quit
             Emulator http://127.0.0.1:7444 · Engine pace instant · Workspace <workspace>
            """)
    }

    /// The list follows what it shows: a data extension made elsewhere appears, while a stream
    /// of fired events (no new definition, no rows here) leaves it be.
    @Test func theListFollowsDefinitionsMadeElsewhere() throws {
        let fixture = try ScreenFixture()
        _ = try fixture.workspace.createDataExtension(SeedScenario.memberDataExtension(name: "Gym Members"))
        fixture.settle()
        #expect(fixture.text.contains("Data Extensions · 3 data extensions") && fixture.text.contains("Gym Members"))
        let group = try #require(fixture.seed?.group)
        let event = try fixture.workspace.createContactEvent(name: "Gym", eventKey: "gym-event", destinationGroupID: group.id)
        _ = try fixture.workspace.createEventDataExtension(for: event.id, name: "Gym Preferences", fields: [])
        fixture.settle()
        #expect(fixture.text.contains("Data Extensions · 4 data extensions") && fixture.text.contains("Gym Preferences"))
    }
}
