import Foundation
import GRDB

/// The one way the firing path writes, and the speed layer under it: firings join a shared
/// commit made on a thread of its own (`GroupCommit`), request-log lines ride those commits
/// (`RequestLogBuffer`), and the write-ahead log is copied into the database on a connection of
/// its own (`BackgroundCheckpointer`). The work inside a commit binds its rows with
/// `RawStatement`. `docs/architecture.md` ("Speed layer under the firing path") says what must
/// stay true; `Benchmarks/README.md` holds the measurements.
///
/// It writes through the pool's one writer connection, as every other write does: a shared
/// commit, an engine step and a `Workspace.perform` each hold the writer for a whole
/// transaction, one after another.
final class FiringWriter: Sendable {
    let groupCommit: GroupCommit
    private let requestLog: RequestLogBuffer
    private let checkpointer: BackgroundCheckpointer

    /// Installs the checkpointer on `pool`'s writer; `close(in:)` takes it off again.
    init(pool: DatabasePool, path: String) {
        let requestLog = RequestLogBuffer()
        let groupCommit = GroupCommit(pool: pool, rider: { requestLog.writePending(in: $0) })
        requestLog.write(through: groupCommit)
        // Weak: the checkpointer lives as long as the writer's connection, which must not keep the pool.
        let checkpointer = BackgroundCheckpointer(
            path: path,
            writerMayPause: { [weak groupCommit] in
                !(groupCommit?.isBusy ?? false)
            })
        pool.writeWithoutTransaction { checkpointer.install(on: $0) }
        self.groupCommit = groupCommit
        self.requestLog = requestLog
        self.checkpointer = checkpointer
    }

    /// Blocks until `work` is committed (or refused) with the firings that arrived meanwhile:
    /// a caller hears its outcome only once the commit is in the write-ahead log.
    func write<T>(_ work: @escaping (Database) throws -> T) throws -> T {
        try groupCommit.write(work)
    }

    /// `write` for callers that suspend rather than block.
    func write<T: Sendable>(_ work: @escaping (Database) throws -> T) async throws -> T {
        try await groupCommit.write(work)
    }

    /// Rows the commit's firings added to data extensions, written once as it ends.
    var rowCounts: RowCountTally { groupCommit.rowCounts }

    /// Whether firings are waiting for a commit or keep arriving: the engine and the checkpointer
    /// then leave the writer to them.
    var isBusy: Bool { groupCommit.isBusy }

    /// Queues a request-log line for the next commit; returns at once.
    func logRequest(_ entry: RequestLogEntry) {
        requestLog.append(entry)
    }

    /// Returns once every request-log line queued now is written.
    func flushRequestLog() throws {
        try requestLog.flush()
    }

    /// Stops the checkpointer's work; for a workspace dropped without `close(in:)`.
    func stopCheckpoints() {
        checkpointer.close()
    }

    /// Writes the queued log lines, stops the checkpointer and gives the writer SQLite's own
    /// checkpoints back, then empties the write-ahead log into the database file. Closing cannot
    /// be refused: a line not written is the log's loss, never the data's, and a log not emptied
    /// here is replayed by SQLite when the workspace next opens.
    func close(in pool: DatabasePool) {
        try? requestLog.flush()
        checkpointer.close()
        _ = try? pool.writeWithoutTransaction { db in
            checkpointer.uninstall(from: db)
            try db.checkpoint(.truncate)
        }
    }
}
