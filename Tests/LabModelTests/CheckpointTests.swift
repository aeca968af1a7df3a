import Foundation
import GRDB
import Testing

@testable import LabModel

/// The write-ahead log is copied into the database file away from the writer, and still
/// starts again from its beginning under a steady stream of commits, so it stays short.
@Suite struct CheckpointTests {
    @Test func aSteadyStreamOfCommitsKeepsTheLogShort() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("journeylab-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("log.sqlite").path
        let pool = try DatabasePool(path: path)
        let checkpointer = BackgroundCheckpointer(path: path, pagesBeforeCheckpoint: 40, pagesBeforeWriterCheckpoints: 400)
        pool.writeWithoutTransaction { checkpointer.install(on: $0) }
        try pool.write { try $0.execute(sql: "CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT NOT NULL)") }
        // About a page per commit: without checkpoints the log would hold 3,000 pages (12 MB).
        let text = String(repeating: "x", count: 3_000)
        var largestLog = 0
        for _ in 0..<3_000 {
            try pool.write { try $0.execute(sql: "INSERT INTO note (text) VALUES (?)", arguments: [text]) }
            largestLog = max(largestLog, Self.size(of: path + "-wal"))
        }
        // Never beyond where the writer would checkpoint itself (and its header and frame headers).
        #expect(largestLog < 401 * 4_120)
        checkpointer.close()
        try pool.writeWithoutTransaction { db in
            checkpointer.uninstall(from: db)
            // What is left to copy is what came after the last restart.
            let (logPages, _) = try db.checkpoint(.passive)
            #expect(logPages < 400)
        }
        // The database file itself holds most of the notes, copied there by checkpoints.
        #expect(Self.size(of: path) > 2_000 * 3_000)
        #expect(try pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM note") } == 3_000)
        try pool.close()
    }

    @Test func aClosedWorkspaceLeavesNoLogBehind() throws {
        let temp = try TemporaryWorkspace()
        let de = try temp.members(filled: true)
        temp.workspace.close()
        #expect(Self.size(of: temp.path + "-wal") == 0)
        let reopened = try Workspace(path: temp.path)
        defer { reopened.close() }
        #expect(try reopened.rowCount(of: .id(de.id)) == 3)
    }

    private static func size(of path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }
}
