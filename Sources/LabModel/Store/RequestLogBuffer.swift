import Dispatch
import GRDB
import Synchronization

/// Request-log lines gathered in memory and written a tenth of a second later, many
/// per transaction, on a queue of their own: answering a request never waits for its log line.
/// Reading the log writes what is pending first, so a reader always sees every request answered
/// before it asked. A crash loses at most the last moment's lines — the log, never the data.
final class RequestLogBuffer: Sendable {
    static let delay: DispatchTimeInterval = .milliseconds(100)

    private let pool: DatabasePool
    private let pending = Mutex<[RequestLogEntry]>([])
    private let writer = DispatchQueue(label: "journeylab.requestLog")

    init(pool: DatabasePool) { self.pool = pool }

    func append(_ entry: RequestLogEntry) {
        let isFirst = pending.withLock { pending in
            pending.append(entry)
            return pending.count == 1
        }
        if isFirst { writer.asyncAfter(deadline: .now() + Self.delay) { [self] in try? write() } }
    }

    /// Writes everything pending now (the timer's job, or a reader's before it reads).
    func flush() throws { try writer.sync { try write() } }

    private func write() throws {
        let entries = pending.withLock { pending in
            defer { pending.removeAll(keepingCapacity: true) }
            return pending
        }
        guard !entries.isEmpty else { return }
        try pool.write { db in
            let statement = try db.cachedStatement(
                sql: """
                    INSERT INTO requestLog (time, method, path, status, durationMilliseconds, requestBody, responseBody, appID)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            for entry in entries {
                try statement.execute(arguments: [
                    entry.time.databaseText, entry.method, entry.path, entry.status, entry.durationMilliseconds,
                    entry.requestBody,
                    entry.responseBody, entry.appID?.storageText,
                ])
            }
        }
    }
}
