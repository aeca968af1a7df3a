import Foundation

/// What a reset removed.
public struct ResetSummary: Sendable, Hashable {
    public let dataExtensions: Int
    public let records: Int
}

extension Workspace {
    /// Erases the workspace at `path` (it is made anew, empty, the next time it is opened).
    /// - Throws: `WorkspaceAccessError.ownedByAnotherProcess` naming the owner's pid; nothing is removed then.
    public static func reset(at path: String) throws -> ResetSummary {
        let path = WorkspaceLocation.absolute(path)
        guard FileManager.default.fileExists(atPath: path) else { throw WorkspaceAccessError.notFound(path: path) }
        let lock = try WorkspaceLock.acquire(forWorkspace: path)
        defer { lock.release() }
        var summary = ResetSummary(dataExtensions: 0, records: 0)
        if let dataExtensions = try? ReadOnlyWorkspace(path: path).dataExtensions() {
            summary = ResetSummary(
                dataExtensions: dataExtensions.count, records: dataExtensions.reduce(0) { $0 + $1.rowCount })
        }
        for file in WorkspaceLocation.databaseFiles(for: path) where FileManager.default.fileExists(atPath: file) {
            try FileManager.default.removeItem(atPath: file)
        }
        return summary
    }
}
