import Foundation
import GRDB
import Synchronization
import TestSupport
import Testing

@testable import LabModel

/// The write-ahead log is copied into the database file away from the writer, and still
/// starts again from its beginning under a steady stream of commits, so it stays short.
@Suite struct CheckpointTests {
    @Test func aSteadyStreamOfCommitsKeepsTheLogShort() throws {
        let notes = try NoteDatabase()
        let (path, pool) = (notes.path, notes.pool)
        let checkpointer = BackgroundCheckpointer(path: path, pagesBeforeCopy: 40, pagesBeforeWriterCheckpoints: 400)
        pool.writeWithoutTransaction { checkpointer.install(on: $0) }
        // About a page per commit: without checkpoints the log would hold 3,000 pages (12 MB).
        let text = String(repeating: "x", count: 3_000)
        var largestLog = 0
        for _ in 0..<3_000 {
            try pool.write { try $0.execute(sql: "INSERT INTO note (text) VALUES (?)", arguments: [text]) }
            largestLog = max(largestLog, Self.size(of: path + "-wal"))
        }
        // About where the writer starts it again: beyond it only by what a copy round, under
        // way as the log got there, let through (frames are a page and a 24-byte header).
        #expect(largestLog < 2 * 400 * 4_120)
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
    }

    @Test func whileWritesKeepComingTheLogGrowsCopiedAndStartsAgainWhenTheyPause() throws {
        let notes = try NoteDatabase()
        let (path, pool) = (notes.path, notes.pool)
        let busy = Mutex(true)
        let checkpointer = BackgroundCheckpointer(
            path: path, pagesBeforeCopy: 40, pagesBeforeWriterCheckpoints: 100_000,
            writerMayPause: { !busy.withLock { $0 } })
        pool.writeWithoutTransaction { checkpointer.install(on: $0) }
        let text = String(repeating: "x", count: 3_000)
        for _ in 0..<1_000 {
            try pool.write { try $0.execute(sql: "INSERT INTO note (text) VALUES (?)", arguments: [text]) }
        }
        // The writer never stopped for a checkpoint, but the other connection copied the log.
        #expect(checkpointer.writerCheckpointCount == 0)
        var copied = false
        for _ in 0..<200 where !copied {
            copied = Self.size(of: path) > 500 * 3_000
            if !copied { Thread.sleep(forTimeInterval: 0.01) }
        }
        #expect(copied)
        // Writes pause: the next commits copy what is left and start the log again.
        let sequence = try Self.checkpointSequence(ofLog: path + "-wal")
        busy.withLock { $0 = false }
        var restarted = false
        for _ in 0..<500 where !restarted {
            try pool.write { try $0.execute(sql: "INSERT INTO note (text) VALUES (?)", arguments: [text]) }
            restarted = try Self.checkpointSequence(ofLog: path + "-wal") != sequence
            if !restarted { Thread.sleep(forTimeInterval: 0.002) }
        }
        // Usually the writer copies the last pages; on a busy machine a round of the other
        // connection sometimes copies them all between two commits first, which starts it as well.
        #expect(restarted)
        checkpointer.close()
        pool.writeWithoutTransaction { checkpointer.uninstall(from: $0) }
        #expect(try pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM note") }! > 1_000)
    }

    @Test func aLogStartedAgainUnderAStreamIsWrittenOverNotCutBack() throws {
        let notes = try NoteDatabase()
        let (path, pool) = (notes.path, notes.pool)
        // Writes never pause: the writer starts the log again only once it holds 400 pages.
        // (Nor is the log emptied as quiet, should this thread stall on a busy machine.)
        let checkpointer = BackgroundCheckpointer(
            path: path, pagesBeforeCopy: 40, pagesBeforeWriterCheckpoints: 400, quietPeriod: .seconds(600),
            writerMayPause: { false })
        pool.writeWithoutTransaction { checkpointer.install(on: $0) }
        let text = String(repeating: "x", count: 3_000)
        let sequence = try Self.checkpointSequence(ofLog: path + "-wal")
        // The file may be cut back to its limit (400 frames and an eighth) once it has outgrown
        // it: when copies fall behind, the log grows to twice its usual length.
        let limit = 450 * 4_120 + 32
        var logSize = 0
        var restarted = false
        var cutsWithinLimit = 0
        for _ in 0..<2_000 {
            try pool.write { try $0.execute(sql: "INSERT INTO note (text) VALUES (?)", arguments: [text]) }
            let size = Self.size(of: path + "-wal")
            if size < logSize && logSize <= limit { cutsWithinLimit += 1 }
            logSize = size
            restarted = try restarted || Self.checkpointSequence(ofLog: path + "-wal") != sequence
        }
        // Its 400 frames (a page and 24 bytes each) outgrew a limit of 400 pages: the file was
        // cut at every new start, and grown again.
        #expect(restarted && logSize > 400 * 4_096)
        #expect(cutsWithinLimit == 0)
        checkpointer.close()
        pool.writeWithoutTransaction { checkpointer.uninstall(from: $0) }
    }

    @Test func onceTheWriterIsQuietTheLogIsCopiedInAndItsFileEmptied() throws {
        let notes = try NoteDatabase()
        let (path, pool) = (notes.path, notes.pool)
        let checkpointer = BackgroundCheckpointer(path: path, quietPeriod: .seconds(1))
        pool.writeWithoutTransaction { checkpointer.install(on: $0) }
        let text = String(repeating: "x", count: 3_000)
        for _ in 0..<500 {
            try pool.write { try $0.execute(sql: "INSERT INTO note (text) VALUES (?)", arguments: [text]) }
        }
        // Below SQLite's usual checkpoint: without the quiet check the log would keep them all.
        #expect(Self.size(of: path + "-wal") > 500 * 3_000)
        try waitUntil("the log emptied") { Self.size(of: path + "-wal") == 0 }
        #expect(Self.size(of: path) > 500 * 3_000)
        #expect(try pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM note") } == 500)
        // The next commit writes the log from its start; once quiet again, it is emptied again.
        try pool.write { try $0.execute(sql: "INSERT INTO note (text) VALUES (?)", arguments: [text]) }
        #expect(Self.size(of: path + "-wal") > 3_000)
        try waitUntil("the log emptied") { Self.size(of: path + "-wal") == 0 }
        checkpointer.close()
        pool.writeWithoutTransaction { checkpointer.uninstall(from: $0) }
    }

    @Test func theLogIsNotEmptiedWhileCommitsComeWithinTheQuietPeriod() throws {
        let notes = try NoteDatabase()
        let (path, pool) = (notes.path, notes.pool)
        let quietPeriod = 0.5
        let checkpointer = BackgroundCheckpointer(path: path, quietPeriod: .milliseconds(500))
        pool.writeWithoutTransaction { checkpointer.install(on: $0) }
        let start = Date()
        var lastCommit = Date()
        var commits = 0
        // The time since the last commit each time the log was found empty before the next.
        var emptiedAfterGaps: [Double] = []
        while Date().timeIntervalSince(start) < 2 {
            Thread.sleep(forTimeInterval: 0.01)
            let gap = Date().timeIntervalSince(lastCommit)
            let logWasEmpty = Self.size(of: path + "-wal") == 0
            try pool.write { try $0.execute(sql: "INSERT INTO note (text) VALUES ('x')") }
            lastCommit = Date()
            commits += 1
            if logWasEmpty { emptiedAfterGaps.append(gap) }
        }
        // A commit every ten milliseconds or so. Only a machine that stalled this thread for
        // about a quiet period could have seen the log emptied (the gap is measured from after
        // one write to before the next, so a little shorter than the writer's quiet).
        #expect(commits > 20)
        #expect(emptiedAfterGaps.allSatisfy { $0 >= quietPeriod / 2 })
        try waitUntil("the log emptied") { Self.size(of: path + "-wal") == 0 }
        checkpointer.close()
        pool.writeWithoutTransaction { checkpointer.uninstall(from: $0) }
    }

    @Test func aQuietWorkspaceIsWholeInItsOwnFile() throws {
        let temp = try TemporaryWorkspace()
        let de = try temp.members(filled: true)
        try waitUntil("the log emptied") { Self.size(of: temp.path + "-wal") == 0 }
        // Still open: a copy of its file alone, without the log, holds the records.
        let copy = temp.folder.appendingPathComponent("copy/workspace.sqlite").path
        try FileManager.default.createDirectory(
            atPath: (copy as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: temp.path, toPath: copy)
        let copied = try Workspace(path: copy)
        defer { copied.close() }
        #expect(try copied.rowCount(of: .id(de.id)) == 3)
    }

    @Test func aClosedWorkspaceLeavesNoLogBehind() throws {
        let temp = try TemporaryWorkspace()
        let de = try temp.members(filled: true)
        // Another connection keeps SQLite from deleting the log when the workspace closes.
        let other = try DatabaseQueue(path: temp.path)
        temp.workspace.close()
        #expect(FileManager.default.fileExists(atPath: temp.path + "-wal"))
        #expect(Self.size(of: temp.path + "-wal") == 0)
        try other.close()
        let reopened = try Workspace(path: temp.path)
        defer { reopened.close() }
        #expect(try reopened.rowCount(of: .id(de.id)) == 3)
    }

    /// The log header's checkpoint sequence number, which goes up each time the log starts again.
    private static func checkpointSequence(ofLog path: String) throws -> UInt32 {
        let header = try #require(FileHandle(forReadingAtPath: path)).readData(ofLength: 16)
        return header.suffix(4).reduce(0) { $0 << 8 | UInt32($1) }
    }

    private static func size(of path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }
}

/// A scratch database with a `note` table, in a temporary folder removed afterwards.
private final class NoteDatabase {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("journeylab-\(UUID().uuidString)")
    let path: String
    let pool: DatabasePool

    init() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("log.sqlite").path
        // Like a workspace's writer: it waits while the log is being emptied.
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        pool = try DatabasePool(path: path, configuration: configuration)
        try pool.write { try $0.execute(sql: "CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT NOT NULL)") }
    }

    deinit {
        try? pool.close()
        try? FileManager.default.removeItem(at: folder)
    }
}
