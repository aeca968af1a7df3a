import Foundation

/// A real terminal for end-to-end tests: a detached tmux session on a private server socket,
/// with a fixed size, TERM and a UTF-8 locale. Tests type with `send`, read with `screen`,
/// and wait with `waitFor` — polling, never sleeping a fixed time.
public final class TmuxSession: @unchecked Sendable {
    // @unchecked: one test owns a session; its lets never change.
    public let name: String
    private let socket: String

    public struct Failure: Error, CustomStringConvertible {
        public let description: String

        public init(description: String) { self.description = description }
    }

    /// Starts `command` (a shell command line) in a new session of `columns` × `rows`.
    public init(command: String, columns: Int = 100, rows: Int = 30, environment: [String: String] = [:]) throws {
        guard FileManager.default.isExecutableFile(atPath: Self.tmux) else {
            throw Failure(description: "tmux is not installed at \(Self.tmux): .ci/run installs it (apt-get install tmux)")
        }
        name = "jl\(UUID().uuidString.prefix(8))"
        socket = "journeylab-test-\(name)"
        var exports = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]
        exports.merge(environment) { $1 }
        // The app sees only the environment the test gives it, not the test runner's NO_COLOR.
        let prefix =
            "-u NO_COLOR "
            + exports.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quoted($0.value))" }.joined(separator: " ")
        // Start idle, keep the pane after its command ends (to read the exit status), then run.
        try run(["-f", "/dev/null", "new-session", "-d", "-s", name, "-x", String(columns), "-y", String(rows), "cat"])
        try run(["set-option", "-t", name, "remain-on-exit", "on"])
        // The exit marker uses sh's `$?`, whatever shell the user has.
        try run(["set-option", "-g", "default-shell", "/bin/sh"])
        // The shell prints how the command ended: tmux 3.3 leaves #{pane_dead_status} empty.
        try run(["respawn-pane", "-k", "-t", name, "env \(prefix) \(command); echo \"\(Self.exitMarker)$?\""])
    }

    /// Presses keys by tmux name (`Enter`, `C-c`, `Up`) or sends literal text with `literal: true`.
    public func send(_ keys: String..., literal: Bool = false) throws {
        try run(["send-keys", "-t", name] + (literal ? ["-l"] : []) + keys)
    }

    /// Lets the app set tmux's paste buffer through OSC 52 (tmux's `set-clipboard on`).
    public func allowClipboard() throws {
        try run(["set-option", "-s", "set-clipboard", "on"])
    }

    /// tmux's newest paste buffer: what the app last copied.
    public func pasteBuffer() throws -> String {
        try output(["show-buffer"])
    }

    /// The visible screen as text, one line per row.
    public func screen() throws -> String {
        try output(["capture-pane", "-p", "-t", name])
    }

    /// The visible screen with its SGR escape sequences (colors, bold, reverse) as the
    /// terminal received them.
    public func styledScreen() throws -> String {
        try output(["capture-pane", "-p", "-e", "-t", name])
    }

    /// Everything the pane has shown, scrollback included: a command that prints and exits at
    /// once can land in history when tmux resets the respawned pane.
    public func history() throws -> String {
        try output(["capture-pane", "-p", "-S", "-", "-t", name])
    }

    /// The pid of the pane's process.
    public func panePID() throws -> pid_t {
        let text = try output(["display-message", "-p", "-t", name, "#{pane_pid}"])
        guard let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw Failure(description: "tmux gave no pane pid: \(text)")
        }
        return pid
    }

    public func resize(columns: Int, rows: Int) throws {
        try run(["resize-window", "-t", name, "-x", String(columns), "-y", String(rows)])
    }

    static let exitMarker = "[command ended with status "

    /// The command's exit status once it has ended (128 + n when a signal ended it), else nil.
    public func exitStatus() throws -> Int32? {
        let lines = try history().split(separator: "\n")
        if let line = lines.last(where: { $0.hasPrefix(Self.exitMarker) }) {
            return Int32(line.dropFirst(Self.exitMarker.count).prefix { $0.isNumber })
        }
        // After a full-screen app the shell's line may be gone; tmux's own notice remains.
        if let line = lines.last(where: { $0.hasPrefix("Pane is dead (status ") }) {
            return Int32(line.dropFirst("Pane is dead (status ".count).prefix { $0.isNumber })
        }
        return nil
    }

    /// The innermost process under the pane: the app itself, also when a shell in the pane started it.
    public func commandPID() throws -> pid_t {
        var pid = try panePID()
        var depth = 0
        while let child = Self.children(of: pid).last {
            pid = child
            depth += 1
        }
        guard depth > 0 else { throw Failure(description: "the pane's process \(pid) has no child process") }
        return pid
    }

    private static func children(of pid: pid_t) -> [pid_t] {
        let text = (try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)) ?? ""
        var pids: [pid_t] = []
        for field in text.split(separator: " ") {
            if let child = Int32(String(field)) { pids.append(child) }
        }
        return pids
    }

    /// Waits until `condition` holds for the screen; on timeout the error shows the screen.
    @discardableResult
    public func waitFor(_ what: String, timeout: TimeInterval = 15, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            usleep(20_000)
        }
        throw Failure(description: "timed out waiting for \(what); the screen was:\n\(last)")
    }

    /// Waits until `text` is on the screen.
    @discardableResult
    public func waitFor(text: String, timeout: TimeInterval = 15) throws -> String {
        try waitFor("\"\(text)\"", timeout: timeout) { $0.contains(text) }
    }

    deinit {
        _ = try? run(["kill-server"])
    }

    // MARK: tmux

    private static let tmux =
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"]
        .first { FileManager.default.isExecutableFile(atPath: $0) } ?? "/usr/bin/tmux"

    private func run(_ arguments: [String]) throws {
        _ = try output(arguments)
    }

    private func output(_ arguments: [String]) throws -> String {
        let result = try ChildProcess.run(Self.tmux, ["-L", socket] + arguments)
        guard result.status == 0 else {
            throw Failure(description: "tmux \(arguments.joined(separator: " ")) failed: \(result.errorOutput)")
        }
        return result.output
    }

    private static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
