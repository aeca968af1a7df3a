import Dispatch
import GRDB
import GRDBSQLite
import Synchronization

/// Copies the write-ahead log into the database file on a connection of its own, away from
/// the writer. SQLite's automatic checkpoint ran inside the commit that filled the log, so
/// every few hundred fired events one caller waited for a thousand pages to be copied and
/// synced.
///
/// Once the log is long, passive checkpoints on another connection copy it beside the writer,
/// each one what the last left. The log starts again from its beginning only when it is wholly
/// copied as a write begins, which a steady stream of commits never allows; so once a few pages
/// are left the writer's next commit copies them itself, and the commit after it writes from
/// the log's beginning. (A restart checkpoint from the other connection would do the same but
/// holds back the writer while it waits for readers, in sleeps of milliseconds.)
final class BackgroundCheckpointer: Sendable {
    /// Log pages after which a checkpoint starts (SQLite's automatic one used 1,000).
    let pagesBeforeCheckpoint: Int32
    /// Log pages after which the writer checkpoints itself, as SQLite did: the other
    /// connection is not keeping up (or cannot open the file).
    let pagesBeforeWriterCheckpoints: Int32

    private struct State {
        var connection: DatabaseQueue?
        var copying = false
        /// The other connection has copied the log since the writer last checkpointed.
        var copied = false
        var closed = false
    }

    private let path: String
    private let state = Mutex(State())
    private let queue = DispatchQueue(label: "journeylab.checkpoint", qos: .utility)

    init(path: String, pagesBeforeCheckpoint: Int32 = 4_000, pagesBeforeWriterCheckpoints: Int32 = 32_000) {
        self.path = path
        self.pagesBeforeCheckpoint = pagesBeforeCheckpoint
        self.pagesBeforeWriterCheckpoints = pagesBeforeWriterCheckpoints
    }

    /// Makes `db` (the writer) hand checkpoints to the checkpointer. The hook holds a reference
    /// to the checkpointer until `uninstall(from:)`.
    func install(on db: Database) {
        let context = Unmanaged.passRetained(self).toOpaque()
        sqlite3_wal_hook(
            db.sqliteConnection,
            { context, connection, _, pages in
                guard let context else { return SQLITE_OK }
                let checkpointer = Unmanaged<BackgroundCheckpointer>.fromOpaque(context).takeUnretainedValue()
                if checkpointer.writerCheckpoints(pages: pages) {
                    sqlite3_wal_checkpoint_v2(connection, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
                }
                return SQLITE_OK
            }, context)
    }

    /// Called after a commit left `pages` in the log: whether the writer checkpoints now
    /// (the rest of a copy, or a log grown too long); otherwise starts a copy if none is under way.
    private func writerCheckpoints(pages: Int32) -> Bool {
        let (writer, starts) = state.withLock { state -> (Bool, Bool) in
            guard pages >= pagesBeforeCheckpoint else {
                // The log started again: a copy made of the old one has nothing left for the writer.
                state.copied = false
                return (false, false)
            }
            if state.copied || pages >= pagesBeforeWriterCheckpoints {
                state.copied = false
                return (true, false)
            }
            guard !state.copying, !state.closed else { return (false, false) }
            state.copying = true
            return (false, true)
        }
        if starts { queue.async { [self] in copy() } }
        return writer
    }

    private func copy() {
        // Pages committed during one copy are copied by the next, each shorter than the last,
        // until a few are left. The writer copies those between two of its transactions, which
        // is when the log can start again: a copy that catches up here almost always finds the
        // writer already inside its next transaction, which then appends to the log.
        var copied = false
        var copiedBefore = 0
        for _ in 0..<Self.copiesPerCheckpoint {
            // A passive checkpoint copies the log as it was when it began: what it reports copied
            // beyond the last copy's count was committed during that copy.
            guard let connection = openConnection(),
                let (_, copiedPages) = try? connection.writeWithoutTransaction({ try $0.checkpoint(.passive) })
            else { break }
            copied = true
            if copiedPages - copiedBefore <= Self.pagesLeftForWriter { break }
            copiedBefore = copiedPages
        }
        state.withLock { state in
            state.copying = false
            state.copied = copied
        }
    }

    /// Copies one checkpoint makes at most, each of what the one before it left.
    private static let copiesPerCheckpoint = 8
    /// What the writer copies itself at the end: a few pages, next to its two syncs.
    private static let pagesLeftForWriter = 64

    private func openConnection() -> DatabaseQueue? {
        state.withLock { state in
            guard !state.closed else { return nil }
            if let connection = state.connection { return connection }
            var configuration = Configuration()
            configuration.busyMode = .timeout(1)
            state.connection = try? DatabaseQueue(path: path, configuration: configuration)
            return state.connection
        }
    }

    /// Gives the writer back SQLite's own automatic checkpoints (for the final one at close).
    func uninstall(from db: Database) {
        sqlite3_wal_autocheckpoint(db.sqliteConnection, 1_000)
        Unmanaged.passUnretained(self).release()
    }

    /// Waits for a checkpoint under way and closes the connection; none starts after this.
    func close() {
        state.withLock { $0.closed = true }
        queue.sync {}
        let connection = state.withLock { state -> DatabaseQueue? in
            defer { state.connection = nil }
            return state.connection
        }
        try? connection?.close()
    }
}
