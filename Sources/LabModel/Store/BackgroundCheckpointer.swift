import Dispatch
import GRDB
import GRDBSQLite
import Synchronization

/// Copies the write-ahead log into the database file on a connection of its own, away from
/// the writer. SQLite's automatic checkpoint ran inside the commit that filled the log, so
/// every few hundred fired events one caller waited for a thousand pages to be copied and
/// synced.
///
/// As the log grows, passive checkpoints on another connection copy it beside the writer, each
/// round what the last left. The log starts again from its beginning only when it is wholly
/// copied as a write begins, which a steady stream of commits never allows: the writer itself
/// must copy the last few pages between two of its transactions, and that copy syncs both
/// files, which every firing waiting on the writer feels. So the writer does it when firings
/// pause, or under a steady stream once the log has grown long (256 MiB, at most twice that),
/// already copied. A round that happens to copy everything between two commits also lets the log start
/// again. (A restart checkpoint from the other connection would hold back the writer just as
/// long, waiting for readers in sleeps of milliseconds.)
///
/// Once the writer has been quiet for a while, the other connection copies what is left and
/// empties the log's file, which a stream left hundreds of megabytes long: a quiet workspace is
/// whole in its own file.
final class BackgroundCheckpointer: Sendable {
    /// Uncopied log pages after which a copy starts (SQLite's automatic checkpoint used 1,000).
    let pagesBeforeCopy: Int32
    /// Log pages after which the log is started again even while firings keep coming: the rest
    /// is copied and the writer copies the last few pages (at twice this, whatever is left).
    /// Its file is then kept at about this length and written over, never cut back: a shorter
    /// log starts again more often, and each start holds the writer for its two syncs.
    let pagesBeforeWriterCheckpoints: Int32
    /// How long the writer goes without a commit before the log's file is emptied.
    let quietPeriod: DispatchTimeInterval
    /// Whether a pause in the writer's work would hold nobody up now.
    private let writerMayPause: @Sendable () -> Bool

    private struct State {
        var connection: DatabaseQueue?
        var copying = false
        /// The log's length after the last commit: a shorter one means it started again.
        var logPages: Int32 = 0
        /// Counts the log's new starts, so a copy that began before one does not count after it.
        var logGeneration = 0
        /// Log pages the other connection has copied (0 once the log starts again).
        var copiedPages: Int32 = 0
        /// The log's length when the writer last checkpointed, so that a log a reader keeps from
        /// starting again is not checkpointed at every commit.
        var writerCheckpointedAt: Int32 = 0
        var writerCheckpoints = 0
        /// Commits so far: a quiet check tells by them whether any came while it waited.
        var commits = 0
        var quietCheckIsSet = false
        var closed = false

        /// The log started again (or was emptied): what was copied of the old one counts no more.
        mutating func logStartedAgain() {
            logGeneration += 1
            copiedPages = 0
            writerCheckpointedAt = 0
        }
    }

    private let path: String
    private let state = Mutex(State())
    private let queue = DispatchQueue(label: "journeylab.checkpoint", qos: .utility)

    init(
        path: String, pagesBeforeCopy: Int32 = 1_000, pagesBeforeWriterCheckpoints: Int32 = 65_536,
        quietPeriod: DispatchTimeInterval = .seconds(2), writerMayPause: @escaping @Sendable () -> Bool = { true }
    ) {
        self.path = path
        self.pagesBeforeCopy = pagesBeforeCopy
        self.pagesBeforeWriterCheckpoints = pagesBeforeWriterCheckpoints
        self.quietPeriod = quietPeriod
        self.writerMayPause = writerMayPause
    }

    /// How many times the writer has checkpointed itself.
    var writerCheckpointCount: Int { state.withLock { $0.writerCheckpoints } }

    /// Makes `db` (the writer) hand checkpoints to the checkpointer. The hook holds a reference
    /// to the checkpointer until `uninstall(from:)`.
    func install(on db: Database) {
        let context = Unmanaged.passRetained(self).toOpaque()
        sqlite3_wal_hook(
            db.sqliteConnection,
            { context, connection, _, pages in
                guard let context else { return SQLITE_OK }
                let checkpointer = Unmanaged<BackgroundCheckpointer>.fromOpaque(context).takeUnretainedValue()
                checkpointer.countCommit()
                if checkpointer.writerCheckpoints(pages: pages) {
                    sqlite3_wal_checkpoint_v2(connection, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
                }
                return SQLITE_OK
            }, context)
        // The log file shrinks back to this once it starts again after a long stream. In
        // frames (a page and a 24-byte header each), with room for the pages committed while
        // the last copy ran: a limit a little short of where the log starts again had the file
        // cut and grown again every time, and on a disk mounted with `discard` the writer
        // waited for each cut's discard.
        let pageSize = (try? Int.fetchOne(db, sql: "PRAGMA page_size")) ?? 4_096
        let frames = Int(pagesBeforeWriterCheckpoints) + Int(pagesBeforeWriterCheckpoints) / 8
        _ = try? db.execute(sql: "PRAGMA journal_size_limit = \(frames * (pageSize + 24))")
    }

    /// Called after a commit left `pages` in the log: whether the writer copies what is left
    /// now (so the next commit starts the log again); otherwise starts a copy when one is due.
    private func writerCheckpoints(pages: Int32) -> Bool {
        // Asked only of long logs: a short one needs no decision.
        let finishing = pages >= pagesBeforeCopy && (pages >= pagesBeforeWriterCheckpoints || writerMayPause())
        let (writer, starts) = state.withLock { state -> (Bool, Bool) in
            if pages < state.logPages { state.logStartedAgain() }
            state.logPages = pages
            guard pages >= pagesBeforeCopy, !state.closed, !state.copying else { return (false, false) }
            let uncopied = pages - state.copiedPages
            let grownSinceWriter = pages - state.writerCheckpointedAt >= pagesBeforeCopy
            // Past twice the limit, whatever is left (copies are not keeping up); else only a few pages.
            let overdue = pages >= 2 * pagesBeforeWriterCheckpoints
            if grownSinceWriter && (overdue || finishing && uncopied <= Self.pagesLeftForWriter) {
                state.writerCheckpointedAt = pages
                state.copiedPages = pages
                state.writerCheckpoints += 1
                return (true, false)
            }
            // While firings keep coming, copy in large rounds; once finishing, the rest.
            guard uncopied >= (finishing ? Self.pagesLeftForWriter : pagesBeforeCopy) else { return (false, false) }
            state.copying = true
            return (false, true)
        }
        if starts { queue.async { [self] in copy() } }
        return writer
    }

    private func copy() {
        // Pages committed during one round are copied by the next, each shorter than the last,
        // until a few are left.
        let (copiedAtStart, generation) = state.withLock { ($0.copiedPages, $0.logGeneration) }
        var copied = copiedAtStart
        for _ in 0..<Self.roundsPerCopy {
            // A passive checkpoint copies the log as it was when it began, and reports that
            // length: what it copied beyond the last round's was committed during that round.
            guard let connection = openConnection(),
                let (_, copiedNow) = try? connection.writeWithoutTransaction({ try $0.checkpoint(.passive) })
            else { break }
            let copiedBefore = copied
            copied = Int32(copiedNow)
            if copied - copiedBefore <= Self.pagesLeftForWriter { break }
        }
        state.withLock { state in
            state.copying = false
            // What was copied of a log that has since started again says nothing of the new one.
            if state.logGeneration == generation { state.copiedPages = max(state.copiedPages, copied) }
        }
    }

    /// Sets a quiet check unless one is set: under a stream, one every quiet period.
    private func countCommit() {
        let commits = state.withLock { state -> Int? in
            state.commits += 1
            guard !state.quietCheckIsSet, !state.closed else { return nil }
            state.quietCheckIsSet = true
            return state.commits
        }
        if let commits { checkQuiet(after: commits) }
    }

    /// Empties the log once a quiet period passes with no commit after the `commits`th.
    private func checkQuiet(after commits: Int) {
        queue.asyncAfter(deadline: .now() + quietPeriod) { [self] in
            guard let commitsNow = state.withLock({ $0.closed ? nil : $0.commits }) else { return }
            guard commitsNow == commits, emptyLog() else {
                // Commits came, or a reader was in the way: look again a quiet period later.
                return checkQuiet(after: commitsNow)
            }
            let commitsSince = state.withLock { state -> Int? in
                state.logStartedAgain()
                // A commit just before the log was emptied: its length is told by the next one,
                // and the log emptied again once the writer is quiet.
                guard state.commits == commits else { return state.commits }
                state.logPages = 0
                state.quietCheckIsSet = false
                return nil
            }
            if let commitsSince { checkQuiet(after: commitsSince) }
        }
    }

    /// Copies what is left of the log and empties its file, unless the writer or a reader is
    /// in the way: this connection then gives up at once rather than hold the writer back while
    /// it waits. (Passive copies never wait, so its busy timeout matters only here and when opening.)
    /// A write that comes meanwhile waits for the emptying, once, after a quiet period.
    private func emptyLog() -> Bool {
        guard let connection = openConnection() else { return false }
        return connection.writeWithoutTransaction { db in
            let handle = db.sqliteConnection
            sqlite3_busy_timeout(handle, 0)
            defer { sqlite3_busy_timeout(handle, Self.busyTimeoutMilliseconds) }
            return sqlite3_wal_checkpoint_v2(handle, nil, SQLITE_CHECKPOINT_TRUNCATE, nil, nil) == SQLITE_OK
        }
    }

    /// Rounds one copy makes at most.
    private static let roundsPerCopy = 8
    /// What the writer copies itself at the end: a few pages, next to its two syncs.
    private static let pagesLeftForWriter: Int32 = 64
    /// The other connection's, when it opens.
    private static let busyTimeoutMilliseconds: Int32 = 1_000

    /// The other connection, opened the first time (outside the lock: the writer's hook takes it).
    private func openConnection() -> DatabaseQueue? {
        if let known = state.withLock({ $0.closed ? nil : $0.connection }) { return known }
        var configuration = Configuration()
        configuration.busyMode = .timeout(Double(Self.busyTimeoutMilliseconds) / 1_000)
        guard let opened = try? DatabaseQueue(path: path, configuration: configuration) else { return nil }
        let kept = state.withLock { state -> Bool in
            guard !state.closed else { return false }
            state.connection = opened
            return true
        }
        if !kept { try? opened.close() }
        return kept ? opened : nil
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
