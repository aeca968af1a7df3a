import Foundation
import LabModel
import TestSupport
import Testing

extension TerminalSessions {
    /// The app at its smallest size, 80×24, as a trainee starts the tutorial: the member data
    /// extension typed field by field (every grid column on screen, `Updated` defaulting to
    /// False), then a record with a wrong value whose refusal reads whole.
    @Suite struct SmallestTerminalTests {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("journeylab-80x24-\(UUID().uuidString)")
        var path: String { folder.appendingPathComponent("workspace.sqlite").path }

        @Test func theMemberDataExtensionAndAWrongValueAt80By24() throws {
            defer { try? FileManager.default.removeItem(at: folder) }
            let tmux = try TmuxSession(
                command: "\(CommandLineTests.binary) --workspace '\(path)' --port 0", columns: 80, rows: 24)
            try tmux.waitFor(text: "No data extensions yet: n creates one.", timeout: 60)
            try tmux.send("n")
            try tmux.waitFor(text: "1 Details", timeout: 60)
            try tmux.send("Members", literal: true)
            try tmux.send("Enter")
            try tmux.waitFor(text: "Type the first field's name", timeout: 60)
            try tmux.typeAttributeRow("EmailAddress", type: "e", primaryKey: true)
            try tmux.typeAttributeRow("MemberID", type: "n")
            try tmux.typeAttributeRow("FirstName")
            try tmux.typeAttributeRow("LastName")
            try tmux.typeAttributeRow("Updated", type: "b", defaultValue: "False", last: true)
            try tmux.waitForScreen(
                """
                 JourneyLab · Contact Builder › Data Extensions › New
                New data extension   1 Details   2 Attributes


                  Field name           Type           Key Req Length  Default
                  EmailAddress         EmailAddress   [x] [x]
                  MemberID             Number         [ ] [ ]
                  FirstName            Text           [ ] [ ]
                  LastName             Text           [ ] [ ]
                  Updated              Boolean        [ ] [ ]         False








                ✓ Enter creates Members with 5 fields.

                What a record gets when it gives none: True or False for a Boolean, GetDate()
                for now. Enter Create · Esc Back
                Enter Create · Esc Back · Tab Next cell · Ctrl-N / Ins New row · Ctrl-D Delete …
                 Emulator <url and workspace>
                """)
            try tmux.send("Enter")
            try tmux.waitFor(text: "✓ Created Members with 5 fields", timeout: 60)
            try tmux.send("Enter")
            try tmux.waitFor(text: "Members · 0 records", timeout: 60)

            // A member whose MemberID is not a number: refused, nothing saved, the reason whole.
            try tmux.send("a")
            try tmux.waitFor(text: "New record", timeout: 60)
            try tmux.send("sam@sausage.com", literal: true)
            try tmux.send("Tab")
            try tmux.send("two", literal: true)
            try tmux.send("Enter")
            try tmux.waitForScreen(
                """
                 JourneyLab · Contact Builder › Data Extensions › Members
                Members · 0 records
                External key <generated key>
                EmailAddress  MemberID  FirstName  LastName  Updated


                    ┌ New record ──────────────────────────────────────────────────────────┐
                    │ EmailAddress (key)  sam@sausage.com                                  │
                    │           MemberID  two                                              │
                    │                     ✗ MemberID: the value "two" is not a whole       │
                    │                     number.                                          │
                    │          FirstName                                                   │
                    │           LastName                                                   │
                    │            Updated  [ ] False                                        │
                    │ Enter Save · Esc Cancel                                              │
                    └──────────────────────────────────────────────────────────────────────┘





                                                                                         No rows
                Enter Save · Esc Cancel · Tab / ↓ Next field
                 Emulator <url and workspace>
                """)
            let status = try ChildProcess.run(CommandLineTests.binary, ["status", "--json", "--workspace", path])
            #expect(status.output.contains("\"rowCount\" : 0"), "\(status.output)")
            // Fixed, it is saved.
            try tmux.send("Home", "DC", "DC", "DC")
            try tmux.send("2", literal: true)
            try tmux.send("Enter")
            try tmux.waitFor(text: "✓ Added EmailAddress = sam@sausage.com.", timeout: 60)
            try tmux.send("q")
            try tmux.waitFor("the app to exit", timeout: 60) { _ in (try? tmux.exitStatus()) == 0 }
        }

        /// Ctrl-Z stops the emulator with the app: the shell says so, so a trainee whose curl
        /// hangs knows why; `fg` brings both back.
        @Test func ctrlZSaysTheEmulatorIsPausedWithTheApp() throws {
            defer { try? FileManager.default.removeItem(at: folder) }
            let tmux = try TmuxSession(
                command: "bash --norc --noprofile -i", columns: 80, rows: 24, environment: ["PS1": "ready$ "])
            try tmux.waitFor(text: "ready$")
            try tmux.send("\(CommandLineTests.binary) --workspace '\(path)' --port 0", "Enter")
            try tmux.waitFor(text: "No data extensions yet: n creates one.", timeout: 60)
            try tmux.waitFor(text: "Emulator http://127.0.0.1:", timeout: 60)
            try tmux.send("C-z")
            // The shell wraps the notice at 80 columns: read it as one line.
            let shell = try tmux.waitFor(text: "Stopped", timeout: 60).replacingOccurrences(of: "\n", with: "")
            #expect(shell.contains("JourneyLab is suspended, and the emulator at http://127.0.0.1:"), "\(shell)")
            #expect(shell.contains("is paused with it: requests to it wait until you type `fg`."), "\(shell)")
            try tmux.send("fg", "Enter")
            try tmux.waitFor(text: "No data extensions yet: n creates one.", timeout: 60)
            try tmux.send("q")
            try waitUntil(timeout: 60, "the app to release the workspace") {
                Workspace.currentOwner(ofWorkspaceAt: path) == nil
            }
        }
    }
}
