import Dispatch
import GRDB
import Synchronization

/// Small writes from many threads committed together. Each caller's work runs in a savepoint
/// of its own inside one transaction (a refused one is rolled back alone), and every caller
/// returns only once that transaction has committed — so an event acknowledged is an event
/// written, while one commit serves as many events as arrived during the previous one.
///
/// The first caller to find no commit under way leads: it takes everything waiting, writes
/// it, wakes the others, and hands the lead to the first caller that arrived meanwhile.
final class GroupCommit: Sendable {
    /// One caller's work and, once the batch is written, its outcome. Touched by its caller
    /// before it waits and after it is woken, and by the leader in between: the semaphore
    /// orders those, hence @unchecked.
    private final class Job: @unchecked Sendable {
        let work: (Database) throws -> Any
        var outcome: Result<Any, any Error>?
        var leads = false
        let woken = DispatchSemaphore(value: 0)

        init(_ work: @escaping (Database) throws -> Any) { self.work = work }
    }

    private struct Queue {
        var waiting: [Job] = []
        var isWriting = false
    }

    /// Enough to amortize a commit, few enough that the first in a batch is not kept long.
    static let largestBatch = 500

    private let pool: DatabasePool
    private let queue = Mutex(Queue())

    init(pool: DatabasePool) { self.pool = pool }

    func write<T>(_ work: @escaping (Database) throws -> T) throws -> T {
        let job = Job { try work($0) }
        let leads = queue.withLock { queue in
            queue.waiting.append(job)
            defer { queue.isWriting = true }
            return !queue.isWriting
        }
        if !leads {
            job.woken.wait()
            if job.leads { lead() }
        } else {
            lead()
        }
        switch job.outcome {
        case .success(let value): return value as! T
        case .failure(let error): throw error
        case nil: preconditionFailure("a group commit finished without this write")
        }
    }

    /// Writes the waiting jobs (the leader's own among them, first), wakes their callers, and
    /// passes the lead on or ends it.
    private func lead() {
        let batch = queue.withLock { queue in
            let batch = Array(queue.waiting.prefix(Self.largestBatch))
            queue.waiting.removeFirst(batch.count)
            return batch
        }
        do {
            try pool.write { db in
                for job in batch {
                    do {
                        var value: Any?
                        try db.inSavepoint {
                            value = try job.work(db)
                            return .commit
                        }
                        job.outcome = .success(value!)
                    } catch {
                        job.outcome = .failure(error)
                    }
                }
            }
        } catch {
            // The commit failed: none of the batch is written, whatever each job returned.
            for job in batch { job.outcome = .failure(error) }
        }
        let next = queue.withLock { queue in
            if queue.waiting.isEmpty { queue.isWriting = false }
            return queue.waiting.first
        }
        // The leader is the batch's first job; it is awake already.
        for job in batch.dropFirst() { job.woken.signal() }
        if let next {
            next.leads = true
            next.woken.signal()
        }
    }
}
