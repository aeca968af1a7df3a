import Foundation

/// Where the workspace file is: `--workspace`, else `JOURNEYLAB_WORKSPACE`, else
/// `$XDG_DATA_HOME/journeylab/workspace.sqlite`, else `~/.local/share/journeylab/workspace.sqlite`.
public enum WorkspaceLocation {
    public static let environmentVariable = "JOURNEYLAB_WORKSPACE"

    public static func resolve(
        explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String {
        if let explicit, !explicit.isEmpty { return absolute(explicit) }
        if let fromEnvironment = environment[environmentVariable], !fromEnvironment.isEmpty {
            return absolute(fromEnvironment)
        }
        let dataHome =
            environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        return absolute(dataHome + "/journeylab/workspace.sqlite")
    }

    static func absolute(_ path: String) -> String {
        let expanded = NSString(string: path).expandingTildeInPath
        return URL(fileURLWithPath: expanded).standardizedFileURL.path
    }

    /// The owner's lock file, beside the workspace.
    static func lockPath(for workspacePath: String) -> String { workspacePath + ".lock" }

    /// The SQLite files a workspace consists of.
    static func databaseFiles(for workspacePath: String) -> [String] {
        [workspacePath, workspacePath + "-wal", workspacePath + "-shm"]
    }
}
