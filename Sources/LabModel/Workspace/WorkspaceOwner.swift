/// The process that owns a workspace, as recorded in its lock file.
public struct WorkspaceOwner: Sendable, Hashable {
    /// nil when the owner has locked the file but not yet written its pid.
    public var pid: Int32?
    /// The emulator the owner serves, once it serves one.
    public var serverURL: String?

    /// The lock file's text: `pid=123` and `server=http://…` lines.
    var lockFileText: String {
        var lines: [String] = []
        if let pid { lines.append("pid=\(pid)") }
        if let serverURL { lines.append("server=\(serverURL)") }
        return lines.map { $0 + "\n" }.joined()
    }

    init(pid: Int32?, serverURL: String?) {
        self.pid = pid
        self.serverURL = serverURL
    }

    init(lockFileText text: String) {
        var fields: [Substring: Substring] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { fields[parts[0]] = parts[1] }
        }
        pid = fields["pid"].flatMap { Int32($0) }
        serverURL = fields["server"].map(String.init)
    }

    /// A sentence naming the owner, for error messages.
    public var description: String {
        let who = pid.map { "process \($0)" } ?? "another process"
        return serverURL.map { "\(who) (serving \($0))" } ?? who
    }
}
