import Foundation
import LabModel
import Screens
import Terminal
import Testing

/// The frame around every screen: the navigation, the breadcrumb, the hint and status bars,
/// the help, the copy message, at the sizes people use (100×30) and the smallest (80×24).
@Suite struct ShellScreenTests {
    @Test func theFirstScreenAt100By30() throws {
        let fixture = try ScreenFixture()
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
    }

    /// Below 100 columns the navigation folds away, so the list keeps the whole width; the app
    /// keys still reach it, and it opens over the list.
    @Test func theFirstScreenAt80By24AndTheFoldedNavigation() throws {
        let fixture = try ScreenFixture(size: TerminalSize(columns: 80, rows: 24))
        fixture.expectScreen(
            """
             JourneyLab · Contact Builder › Data Extensions
            Data Extensions · 2 data extensions
            / to filter
            Name                External key     Rows  Sendable
            Member Preferences  PREFERENCES-KEY     0  No
            Members             MEMBERS-KEY         3  Yes















                                                                                      1 of 2
            Enter Records · / Filter · n New · p Properties · … ← / h Apps · ? Help · q Quit
             Emulator http://127.0.0.1:7444 · Engine pace instant · Workspace <workspace>
            """)
        fixture.press(.character("h"))
        fixture.expectScreen(
            """
             JourneyLab · Contact Builder › Data Extensions
                                      │tensions
            Contact Builder           │
              Data Extensions         │l key     Rows  Sendable
              Data Designer (soon)    │NCES-KEY     0  No
              Contacts (soon)         │-KEY         3  Yes
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
                                      │                                               1 of 2
            ↓ / j Choose · Enter Open · Esc Back · ? Help · q Quit
             Emulator http://127.0.0.1:7444 · Engine pace instant · Workspace <workspace>
            """)
        fixture.press(.down, .down, .down)
        fixture.expectScreen(
            """
             JourneyLab · Contact Builder › Data Extensions
                                      │tensions
            Contact Builder           │
              Data Extensions         │l key     Rows  Sendable
              Data Designer (soon)    │NCES-KEY     0  No
              Contacts (soon)         │-KEY         3  Yes
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
                                      │                                               1 of 2
            ↓ / j Choose · Enter Open · Esc Back · ? Help · q Quit
             Emulator http://127.0.0.1:7444 · Engine pace instant · Workspace <workspace>
            """)
        fixture.press(.character("l"))
        fixture.expectScreen(
            """
             JourneyLab · Journey Builder › Journeys
            Journeys

            Journey Builder · not in this version of JourneyLab yet. What works today:
            Contact Builder › Data Extensions — ← / h goes back to the navigation.

















            Esc Back · ← / h Apps · ? Help · q Quit
             Emulator http://127.0.0.1:7444 · Engine pace instant · Workspace <workspace>
            """)
    }

    /// A section not built yet promises no key that does nothing: Esc goes back, `q` quits as
    /// everywhere, and the breadcrumb names the app once.
    @Test func aSectionNotBuiltYetSaysSoAndItsKeysWork() throws {
        let fixture = try ScreenFixture()
        fixture.press(.tab)
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
            ↓ / j Choose · Enter Open · Esc Back · ? Help · q Quit
             Emulator http://127.0.0.1:7444 · Engine pace instant · Workspace <workspace>
            """)
        fixture.press(.down, .down, .down, .enter)
        fixture.expectScreen(
            """
             JourneyLab · Journey Builder › Journeys
                                      │Journeys
            Contact Builder           │
              Data Extensions         │Journey Builder · not in this version of JourneyLab yet. What works
              Data Designer (soon)    │today: Contact Builder › Data Extensions — ← / h goes back to the
              Contacts (soon)         │navigation.
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
                                      │
            Esc Back · ? Help · q Quit
             Emulator http://127.0.0.1:7444 · Engine pace instant · Workspace <workspace>
            """)
        fixture.press(.escape)
        #expect(fixture.text.contains("▌") == false)
        fixture.press(.up, .up, .up, .character("l"))
        #expect(fixture.screen[1].contains("Data Extensions · 2 data extensions"))
        #expect(fixture.press(.character("q")) == .quit)
    }

    /// `?` lists the keys in force; the app's own keys work from there too (`q` quits).
    @Test func theHelpListsTheKeysInForceAndTheyWork() throws {
        let fixture = try ScreenFixture()
        fixture.press(.character("?"))
        fixture.expectScreen(
            """
             JourneyLab · Contact Builder › Data Extensions
            ┌ Keys ────────────────────────────────────────────────────────────────────────────────────────────┐
            │ Data Extensions                                                                                  │
            │ Enter  Open the data extension's records                                                         │
            │ /      Filter by name or external key                                                            │
            │ n      Create a data extension (details, then attributes)                                        │
            │ p      Properties: make it sendable (relate a field to Subscriber Key)                           │
            │ c      Copy the external key (to the clipboard, and shown whole)                                 │
            │ Esc    Clear the filter; without one, back to the navigation                                     │
            │                                                                                                  │
            │ Tables                                                                                           │
            │ ↑ / k     Select the row above                                                                   │
            │ ↓ / j     Select the row below                                                                   │
            │ PgUp      Up one screen of rows                                                                  │
            │ PgDn      Down one screen of rows                                                                │
            │ Home / g  First row                                                                              │
            │ End / G   Last row                                                                               │
            │                                                                                                  │
            │ Mouse (off with --no-mouse)                                                                      │
            │   Click a row, a field or a section: select it (keys: arrows, Tab)                               │
            │   Wheel: scroll tables and lists (keys: PgUp / PgDn)                                             │
            │                                                                                                  │
            │ Wherever keys are not text                                                                       │
            │ ?                Show the keys of this screen                                                    │
            │ q                Quit JourneyLab (the workspace is saved)                                        │
            │ ← / h            To the navigation: the apps and their sections                                  │
            │ Esc Close · ↓ / j more below                                                                     │
            └──────────────────────────────────────────────────────────────────────────────────────────────────┘
            Esc Close
             Emulator http://127.0.0.1:7444 · Engine pace instant · Workspace <workspace>
            """)
        // What did not fit is a page down: the app's keys, then those that work even while typing.
        fixture.press(.pageDown)
        let rest = fixture.text
        #expect(rest.contains("│ Tab / Shift-Tab  Between the navigation and the open section"))
        #expect(rest.contains("│ Ctrl-Z  Suspend to the shell with the emulator"))
        #expect(rest.contains("│ Esc Close    ") && !rest.contains("more below"))
        fixture.press(.character("?"))
        #expect(!fixture.text.contains("┌ Keys"))
        fixture.press(.character("?"))
        #expect(fixture.press(.character("q")) == .quit)
    }

    /// The copy goes to the clipboard and is shown whole, with the mouse left to the terminal
    /// so the value can be selected, and the command that prints it named.
    @Test func aCopiedKeyIsShownWholeAndTheMouseIsLeftToTheTerminal() throws {
        let fixture = try ScreenFixture(size: TerminalSize(columns: 80, rows: 24))
        #expect(fixture.app.capturesMouse)
        fixture.press(.down, .character("c"))
        #expect(fixture.clipboard.texts == [ScreenFixture.membersKey])
        fixture.expectScreen(
            """
             JourneyLab · Contact Builder › Data Extensions
            Data Extensions · 2 data extensions
            ✓ Sent the external key MEMBERS-KEY to the clipboard
            Name                External key     Rows  Sendable
            Member Preferences  PREFERENCES-KEY     0  No
            Members             MEMBERS-KEY         3  Yes

            ── Copied ──────────────────────────────────────────────────────────────────────
               The external key of Members, sent to the clipboard:

               MEMBERS-KEY

               Some terminals ignore the app's clipboard (tmux without set-clipboard, VTE
               terminals): select the line above with the mouse, or run `journeylab
               status`.
            ── Enter / Esc Close ───────────────────────────────────────────────────────────





                                                                                      2 of 2
            Enter / Esc Close
             Emulator http://127.0.0.1:7444 · Engine pace instant · Workspace <workspace>
            """)
        #expect(!fixture.app.capturesMouse)
        fixture.press(.escape)
        #expect(fixture.app.capturesMouse)
        #expect(fixture.text.contains("✓ Sent the external key MEMBERS-KEY to the clipboard"))
    }

    @Test func theStatusBarSaysWhenTheEmulatorCouldNotStart() throws {
        let fixture = try ScreenFixture(seeded: false)
        _ = fixture.app.update(.message(.emulatorFailed(reason: "port 7444 is taken; start with --port 0 for a free one")))
        #expect(fixture.screen[29].hasPrefix(" Emulator http://127.0.0.1:7444"), "a failure counts only when no URL came")
        let workspace = fixture.workspace
        let app = JourneyLabApp(
            context: AppContext(workspace: workspace), size: TerminalSize(columns: 100, rows: 30),
            effects: EffectRunner(workspace: workspace, post: { _ in }))
        #expect(app.view(TerminalSize(columns: 100, rows: 30)).lines[29].hasPrefix(" Emulator starting…"))
        _ = app.update(.message(.emulatorFailed(reason: "port 7444 is taken; start with --port 0 for a free one")))
        #expect(
            app.view(TerminalSize(columns: 100, rows: 30)).lines[29].hasPrefix(
                " Emulator not running: port 7444 is taken; start with --port 0 for a free one"))
    }

    /// Ctrl-Z stops the emulator with the app: the shell is told, so a hanging curl makes sense.
    @Test func suspendingSaysTheEmulatorIsPausedToo() throws {
        let fixture = try ScreenFixture()
        #expect(
            fixture.app.suspendNotice
                == "JourneyLab is suspended, and the emulator at http://127.0.0.1:7444 is paused with it: requests to it wait until you type `fg`."
        )
    }

    /// A click on a section opens it; a click on a row selects it; the wheel scrolls.
    @Test func theMouseOpensSectionsAndSelectsRows() throws {
        let fixture = try ScreenFixture()
        _ = fixture.app.update(.event(.mouse(MouseEvent(kind: .press, x: 3, y: 7))))
        #expect(fixture.screen[0].hasPrefix(" JourneyLab · Journey Builder › Journeys"))
        _ = fixture.app.update(.event(.mouse(MouseEvent(kind: .press, x: 3, y: 3))))
        _ = fixture.app.update(.event(.mouse(MouseEvent(kind: .press, x: 30, y: 5))))
        fixture.press(.enter)
        #expect(fixture.screen[1].contains("Members · 3 records"))
    }

    /// A save still running when its screen is left: its refusal is shown all the same.
    @Test func aRefusalForAScreenAlreadyLeftIsStillShown() throws {
        let fixture = try ScreenFixture()
        fixture.press(.down, .enter, .character("a"))
        fixture.type("sam@sausage.com")
        fixture.pressWhileEffectsRun(.enter)
        // A click on the section in the navigation goes back to its first screen, the list.
        _ = fixture.app.update(.event(.mouse(MouseEvent(kind: .press, x: 3, y: 3))))
        fixture.settle()
        let screen = fixture.text
        #expect(screen.contains("── Not done"), "\(screen)")
        #expect(screen.contains("sam@sausage.com"), "the refusal names the duplicate key: \(screen)")
        #expect(fixture.screen[1].contains("Data Extensions · 2 data extensions"))
    }
}
