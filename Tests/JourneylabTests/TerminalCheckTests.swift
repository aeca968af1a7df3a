import Foundation
import TestSupport
import Testing

/// The real binary in a real terminal (tmux): what a person sees and does.
extension TerminalSessions {
    @Suite struct TerminalCheckTests {
        let binary = CommandLineTests.binary

        @Test func typedUTF8ShowsAndASmallWindowShowsTheNotice() throws {
            let tmux = try TmuxSession(command: "\(binary) terminal-check", columns: 100, rows: 30)
            try tmux.waitFor(text: "JourneyLab · terminal check")
            try tmux.send("Zoë 日本", literal: true)
            try tmux.waitFor(text: "Type something: Zoë 日本")
            try tmux.waitFor(text: "Size: 100×30")

            try tmux.resize(columns: 60, rows: 20)
            try tmux.waitFor(text: "terminal too small — needs 80×24")
            try tmux.resize(columns: 100, rows: 30)
            let restored = try tmux.waitFor(text: "Size: 100×30")
            #expect(restored.contains("Type something: Zoë 日本"))
            #expect(!restored.contains("too small"))

            try tmux.send("Escape")
            try tmux.waitFor("the app to exit") { _ in (try? tmux.exitStatus()) == 0 }
        }

        /// The theme reaches the real terminal: 256 colors in color, none at all with NO_COLOR or
        /// --no-color, where the title still stands out by bold alone.
        @Test func colorsFollowTheTerminalAndNoColorTurnsThemOff() throws {
            func styled(_ command: String, environment: [String: String] = [:]) throws -> String {
                let tmux = try TmuxSession(command: command, columns: 100, rows: 30, environment: environment)
                try tmux.waitFor(text: "JourneyLab · terminal check")
                let screen = try tmux.styledScreen()
                try tmux.send("Escape")
                return screen
            }
            let colored = try styled("\(binary) terminal-check")
            #expect(colored.contains("38;5;39"), "the title's 256-color blue: \(colored.debugDescription)")
            for plain in [
                try styled("\(binary) terminal-check", environment: ["NO_COLOR": "1"]),
                try styled("\(binary) terminal-check --no-color"),
            ] {
                // 39 and 49 are tmux's own "default color" resets; any other color code is ours.
                #expect(!plain.contains(/\u{1B}\[(3[0-8]|4[0-8])[;m]/), "\(plain.debugDescription)")
                #expect(plain.contains("\u{1B}[1m"), "bold marks the title: \(plain.debugDescription)")
            }
        }

        /// A bash pane that records `stty -g` before the app runs, and compares it after.
        final class ShellPane {
            let tmux: TmuxSession
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jl-stty-\(UUID().uuidString)")

            init() throws {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                tmux = try TmuxSession(
                    command: "bash --norc --noprofile -i", columns: 100, rows: 30, environment: ["PS1": "ready$ "])
                try tmux.waitFor(text: "ready$")
                try tmux.send("stty -g > \(folder.path)/before", "Enter")
            }

            func start(_ command: String) throws {
                try tmux.send(command, "Enter")
                try tmux.waitFor(text: "JourneyLab · terminal check")
            }

            /// Waits for the prompt to come back, then checks the terminal settings are as before.
            func expectPromptWithSettingsRestored() throws {
                try tmux.waitFor("the shell prompt after the app") { screen in
                    screen.split(separator: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }?.hasPrefix("ready$")
                        == true
                        && !screen.contains("terminal check")
                }
                try tmux.send("stty -g > \(folder.path)/after", "Enter")
                let after = folder.appendingPathComponent("after").path
                try waitUntil("stty to write its settings") {
                    ((try? String(contentsOfFile: after, encoding: .utf8)) ?? "").contains(":")
                }
                let before = try String(contentsOfFile: folder.appendingPathComponent("before").path, encoding: .utf8)
                #expect(try String(contentsOfFile: after, encoding: .utf8) == before)
            }

            deinit { try? FileManager.default.removeItem(at: folder) }
        }

        @Test func ctrlZThenFgComesBackAndCtrlCLeavesTheTerminalAsItWas() throws {
            let shell = try ShellPane()
            try shell.start("\(binary) terminal-check")
            try shell.tmux.send("abc", literal: true)
            try shell.tmux.waitFor(text: "Type something: abc")

            try shell.tmux.send("C-z")
            try shell.tmux.waitFor(text: "Stopped")
            try shell.tmux.send("fg", "Enter")
            try shell.tmux.waitFor(text: "Type something: abc")
            // Keys still arrive one by one, unechoed: the app took the terminal back in raw mode.
            try shell.tmux.send("d", literal: true)
            try shell.tmux.waitFor(text: "Type something: abcd")

            try shell.tmux.send("C-c")
            try shell.expectPromptWithSettingsRestored()
        }

        @Test func sigtermEndsTheAppAndRestoresTheTerminal() throws {
            let shell = try ShellPane()
            try shell.start("\(binary) terminal-check")
            kill(try shell.tmux.commandPID(), SIGTERM)
            try shell.expectPromptWithSettingsRestored()
        }

        @Test func anUnknownTerminalTypeIsOurOwnClearError() throws {
            let tmux = try TmuxSession(command: "\(binary) terminal-check", environment: ["TERM": "bogus"])
            try tmux.waitFor("the app to give up") { _ in (try? tmux.exitStatus()) != nil }
            #expect(try tmux.exitStatus() == 1)
            let screen = try tmux.history()
            #expect(screen.contains("The terminal type \"bogus\" is not usable"), "\(screen)")
            #expect(!screen.contains("Error opening terminal"), "ncurses' own message, which initscr prints before exiting")
        }

        @Test func withoutATerminalItSaysSoInOneLine() throws {
            let result = try ChildProcess.run(binary, ["terminal-check"])
            #expect(result.status != 0)
            let lines = result.errorOutput.split(separator: "\n")
            #expect(lines.count == 1, "\(result.errorOutput)")
            #expect(result.errorOutput.contains("need a terminal"))
        }
    }
}
