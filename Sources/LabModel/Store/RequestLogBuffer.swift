import Dispatch
import GRDB
import Synchronization

/// Request-log lines gathered in memory and written in the group commit's transactions: at the
/// end of every batch of firings (a few lines at a time), or a tenth of a second after the
/// first when no firing comes. Answering a request never waits for its log line, and lines go
/// in in the order they came. (Written apart, a tenth of a second of lines at a time held the
/// writer, and every firing behind it, for milliseconds.) Reading the log waits for what is
/// pending, so a reader always sees every request answered before it asked. A crash loses at
/// most the last moment's lines — the log, never the data.
final class RequestLogBuffer: Sendable {
    static let delay: DispatchTimeInterval = .milliseconds(100)

    private struct Commits {
        weak var groupCommit: GroupCommit?
    }

    private struct Pending {
        var entries: [RequestLogEntry] = []
        /// One timer at a time: under a stream the commits take the lines long before it fires.
        var timerIsSet = false
    }

    private let pending = Mutex(Pending())
    private let commits = Mutex(Commits())
    private let timer = DispatchQueue(label: "journeylab.requestLog")

    /// The commits the lines are written in; their rider is `writePending(in:)`.
    func write(through groupCommit: GroupCommit) {
        commits.withLock { $0.groupCommit = groupCommit }
    }

    func append(_ entry: RequestLogEntry) {
        let setsTimer = pending.withLock { pending in
            pending.entries.append(entry)
            defer { pending.timerIsSet = true }
            return !pending.timerIsSet
        }
        guard setsTimer else { return }
        timer.asyncAfter(deadline: .now() + Self.delay) { [self] in
            let isDue = pending.withLock { pending in
                pending.timerIsSet = false
                return !pending.entries.isEmpty
            }
            if isDue { try? flush() }
        }
    }

    /// Returns once every line pending now is written: a commit (perhaps of no firing) takes them.
    func flush() throws {
        // Even with nothing pending: a commit under way may hold lines taken a moment ago.
        guard let groupCommit = commits.withLock({ $0.groupCommit }) else { return }
        try groupCommit.write { _ in }
    }

    /// Writes the pending lines in `db`'s transaction; a line that cannot be written is dropped.
    func writePending(in db: Database) {
        let entries = pending.withLock { pending in
            defer { pending.entries.removeAll(keepingCapacity: true) }
            return pending.entries
        }
        guard !entries.isEmpty,
            let insert = try? RawStatement(
                """
                INSERT INTO requestLog (
                    time, method, path, query, headers, client, status, durationMilliseconds, requestBody, responseBody, appID)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, in: db)
        else { return }
        for entry in entries {
            _ = try? insert.run(
                .text(entry.time.databaseText), .text(entry.method), .text(entry.path), .text(entry.query),
                .text(LoggedHeader.storageText(entry.headers)), .text(entry.client), .integer(Int64(entry.status)),
                .real(entry.durationMilliseconds), .text(entry.requestBody), .text(entry.responseBody),
                .text(entry.appID?.storageText))
        }
    }
}
