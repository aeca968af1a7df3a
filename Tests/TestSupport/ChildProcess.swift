import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A real child process for tests, started with posix_spawn and reaped with waitpid
/// (Foundation's `Process.waitUntilExit` hangs under the test runner here). Output goes to
/// temporary files, so a chatty child can never block on a full pipe.
public final class ChildProcess: @unchecked Sendable {
    // @unchecked: `pid` and the file paths never change; `exitStatus` is only touched by the
    // one test that owns this child, never concurrently.
    public let pid: pid_t
    private let outputPath: String
    private let errorPath: String
    private var exitStatus: Int32?

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
        public init(description: String) { self.description = description }
    }

    /// What a finished child printed and how it ended.
    public struct Result: Sendable {
        /// The exit code, or 128 + the signal that ended it.
        public let status: Int32
        public let output: String
        public let errorOutput: String
    }

    public init(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws {
        let folder = NSTemporaryDirectory() + "child-\(UUID().uuidString)"
        outputPath = folder + ".out"
        errorPath = folder + ".err"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let environment = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        // Test-runner threads block signals; a child must start with none blocked and default
        // handlers, as it would from a shell, or tmux and the app never see SIGWINCH or SIGTERM.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let status = withCStrings([executable] + arguments) { argv in
            withCStrings(environment) { envp in posix_spawn(&pid, executable, &actions, &attributes, argv, envp) }
        }
        guard status == 0 else { throw Failure(description: "cannot start \(executable): \(String(cString: strerror(status)))") }
        self.pid = pid
    }

    /// Runs a command to completion.
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws -> Result {
        let child = try ChildProcess(executable, arguments, environment: environment)
        return child.waitForExit()
    }

    public func send(_ signal: Int32) { kill(pid, signal) }

    /// Waits for the child to end and returns what it printed.
    @discardableResult
    public func waitForExit() -> Result {
        if exitStatus == nil {
            var raw: Int32 = 0
            var reaped: pid_t = waitpid(pid, &raw, 0)
            while reaped == -1 && errno == EINTR { reaped = waitpid(pid, &raw, 0) }
            let signalNumber: Int32 = raw & 0x7f
            // -1: the child could not be waited for, which must never read as success.
            let status: Int32
            if reaped == -1 {
                status = -1
            } else if signalNumber == 0 {
                status = (raw >> 8) & 0xff
            } else {
                status = 128 + signalNumber
            }
            exitStatus = status
        }
        let result = Result(status: exitStatus!, output: read(outputPath), errorOutput: read(errorPath))
        return result
    }

    /// What the child has printed so far.
    public var outputSoFar: String { read(outputPath) }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var raw: Int32 = 0
            waitpid(pid, &raw, 0)
        }
        unlink(outputPath)
        unlink(errorPath)
    }

    private func read(_ path: String) -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }
}

private func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
    var pointers = strings.map { strdup($0) }
    pointers.append(nil)
    defer { pointers.forEach { free($0) } }
    return body(pointers)
}

/// Polls `condition` until it holds or `timeout` passes; never a fixed sleep.
public func waitUntil(timeout: TimeInterval = 10, _ what: String, _ condition: () throws -> Bool) throws {
    let deadline = Date().addingTimeInterval(timeout)
    while try !condition() {
        guard Date() < deadline else { throw ChildProcess.Failure(description: "timed out waiting for \(what)") }
        usleep(10_000)
    }
}
