import Dispatch
import Foundation
import GRDB
import Synchronization

/// Small writes from many callers committed together, in one transaction in which a refused
/// one is undone alone (see `commit`). Every caller hears its outcome only once that
/// transaction has committed — so an event acknowledged is an event written, while one commit
/// serves every event that arrived during the previous one.
///
/// The commits are made on a thread of the group commit's own, never on a caller's: a caller
/// that blocks (or suspends) while it waits holds no writer, so a burst of requests cannot
/// take up Dispatch's few worker threads and leave the batch with none to form on. The thread
/// lingers a moment after the last batch, then ends until the next write.
final class GroupCommit: Sendable {
    /// One caller's work and what to do with its outcome once the batch is committed. Handed
    /// from its caller to the writer under the queue's lock, then touched by the writer alone.
    private struct Job: @unchecked Sendable {
        let work: (Database) throws -> Any
        let finish: (Result<Any, any Error>) -> Void
    }

    private struct Queue {
        var waiting: [Job] = []
        /// A batch taken from `waiting` that has not yet got the database.
        var batchAwaitsWriter = false
        var hasWriter = false
        /// The writer waits on `arrival` for the next job; the first new job signals it.
        var writerSleeps = false
    }

    /// Enough to amortize a commit, few enough that the first in a batch is not kept long.
    static let largestBatch = 500
    /// How long the writer thread waits for more work before it ends.
    static let linger: DispatchTimeInterval = .milliseconds(250)

    /// Rows the batch's jobs added to data extensions, counted once at its end.
    let rowCounts = RowCountTally()

    private let pool: DatabasePool
    private let queue = Mutex(Queue())
    private let arrival = DispatchSemaphore(value: 0)
    /// Writes that ride along in every committed batch, at its end (what they write is the
    /// log, never the data: a refused line does not refuse the batch).
    private let rider: @Sendable (Database) -> Void

    init(pool: DatabasePool, rider: @escaping @Sendable (Database) -> Void = { _ in }) {
        self.pool = pool
        self.rider = rider
    }

    /// Whether writes wait for the next commit, or one arrived a moment ago: under a steady
    /// stream the queue is empty for an instant after every commit, and more are on the way.
    var isBusy: Bool {
        let now = DispatchTime.now().uptimeNanoseconds
        // An arrival stored after `now` was read is later than it, not 2⁶⁴ ns ago.
        let last = lastArrival.load(ordering: .relaxed)
        if last >= now || now - last < Self.busyAfterArrival { return true }
        return queue.withLock { !$0.waiting.isEmpty || $0.batchAwaitsWriter }
    }

    /// How long after a write arrives the group commit still counts as busy, in nanoseconds.
    private static let busyAfterArrival: UInt64 = 5_000_000
    private let lastArrival = Atomic<UInt64>(0)

    /// Blocks until `work` is committed (or refused) with its batch.
    func write<T>(_ work: @escaping (Database) throws -> T) throws -> T {
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var outcome: Result<Any, any Error>?
        submit(
            Job(
                work: { try work($0) },
                finish: { result in
                    outcome = result
                    done.signal()
                }))
        done.wait()
        return try outcome!.get() as! T
    }

    /// Suspends until `work` is committed (or refused) with its batch.
    func write<T: Sendable>(_ work: @escaping (Database) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            submit(Job(work: { try work($0) }, finish: { result in continuation.resume(with: result.map { $0 as! T }) }))
        }
    }

    private func submit(_ job: Job) {
        lastArrival.store(DispatchTime.now().uptimeNanoseconds, ordering: .relaxed)
        let (startsWriter, wakesWriter) = queue.withLock { queue -> (Bool, Bool) in
            queue.waiting.append(job)
            if !queue.hasWriter {
                queue.hasWriter = true
                return (true, false)
            }
            defer { queue.writerSleeps = false }
            return (false, queue.writerSleeps)
        }
        if wakesWriter { arrival.signal() }
        if startsWriter {
            let thread = Thread { [self] in writeUntilIdle() }
            thread.name = "journeylab-commit"
            thread.start()
        }
    }

    private func writeUntilIdle() {
        while true {
            let batch = queue.withLock { queue -> [Job] in
                let batch = Array(queue.waiting.prefix(Self.largestBatch))
                queue.waiting.removeFirst(batch.count)
                queue.writerSleeps = batch.isEmpty
                queue.batchAwaitsWriter = !batch.isEmpty
                return batch
            }
            if !batch.isEmpty {
                commit(batch)
                continue
            }
            guard arrival.wait(timeout: .now() + Self.linger) == .timedOut else { continue }
            let ends = queue.withLock { queue -> Bool in
                // Still asleep: nobody has signalled, and nobody will once hasWriter is false.
                guard queue.writerSleeps else { return false }
                queue.writerSleeps = false
                queue.hasWriter = false
                return true
            }
            if ends { return }
            // A job arrived as the wait timed out; its signal is on the way.
            arrival.wait()
        }
    }

    /// Writes the batch in one transaction, then tells every caller. The batch is first run
    /// whole; only when a job is refused after it has written something is that rolled back and
    /// the batch run again with a savepoint per job, so the refused one is undone alone. (A
    /// savepoint per job on every commit copied each page it touched and cost more than the
    /// job's own writes.)
    private func commit(_ batch: [Job]) {
        var outcomes: [Result<Any, any Error>] = []
        outcomes.reserveCapacity(batch.count)
        do {
            try pool.writeWithoutTransaction { db in
                queue.withLock { $0.batchAwaitsWriter = false }
                var refused = false
                try db.inImmediateTransaction {
                    outcomes.removeAll(keepingCapacity: true)
                    rowCounts.open()
                    for job in batch {
                        let changesBefore = db.totalChangesCount
                        do {
                            outcomes.append(.success(try job.work(db)))
                        } catch {
                            // Most refusals (bad data, an unknown key) come before any write:
                            // nothing to undo, so the others go on.
                            if db.totalChangesCount == changesBefore && db.isInsideTransaction {
                                outcomes.append(.failure(error))
                                continue
                            }
                            refused = true
                            return .rollback
                        }
                    }
                    try rowCounts.write(in: db)
                    rider(db)
                    return .commit
                }
                guard refused else { return }
                try db.inImmediateTransaction {
                    rowCounts.open()
                    outcomes = batch.map { job in runAlone(job, in: db) }
                    try rowCounts.write(in: db)
                    rider(db)
                    return .commit
                }
            }
        } catch {
            queue.withLock { $0.batchAwaitsWriter = false }
            // The commit failed: none of the batch is written, whatever each job returned.
            outcomes = batch.map { _ in .failure(error) }
        }
        for (job, outcome) in zip(batch, outcomes) { job.finish(outcome) }
    }

    /// Runs one job in a savepoint, undone alone (with the rows it counted) when it is refused.
    private func runAlone(_ job: Job, in db: Database) -> Result<Any, any Error> {
        let counted = rowCounts.changes
        do {
            var value: Any?
            try db.inSavepoint {
                value = try job.work(db)
                return .commit
            }
            return .success(value!)
        } catch {
            rowCounts.changes = counted
            return .failure(error)
        }
    }
}
