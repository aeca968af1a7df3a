import Foundation
import GRDB
import Synchronization

/// Drains the workspace's queue of fired events in the background: entry decisions, activities,
/// waits, automation runs. Everything it does is in the database, a unit per transaction, so a
/// process killed mid-run resumes where it stopped when the engine next starts.
///
/// It runs on a thread of its own: its work is blocking SQLite calls, which must neither hold
/// Swift's few cooperative threads nor wait for one while holding a database connection.
public final class EventEngine: Sendable {
    let pool: DatabasePool
    let clock: @Sendable () -> Date
    let feed: ChangeFeed
    private let wakeup = WakeSignal()
    let state = Mutex(State())

    struct State {
        var settings = EngineSettings()
        var isRunning = false
        var stopping = false
        /// Each start gets a new generation; a loop from an older one ends at its next check.
        var generation: UInt64 = 0
        var stopWaiters: [CheckedContinuation<Void, Never>] = []
        var halted = false
        var batchesDone = 0
        var permits = 0
        /// `settle()` calls get increasing tickets; the engine settles a ticket when it finds
        /// nothing due after the ticket was issued.
        var lastTicket: UInt64 = 0
        var settledTicket: UInt64 = 0
        var settleWaiters: [(ticket: UInt64, continuation: CheckedContinuation<Void, Never>)] = []
    }

    /// Whether firings wait for the database or keep arriving: the engine then ends its
    /// transaction early and takes the writer only now and then, so an event is acknowledged
    /// without waiting for the decisions on earlier ones.
    let firingsWaiting: @Sendable () -> Bool

    init(
        pool: DatabasePool, clock: @escaping @Sendable () -> Date, feed: ChangeFeed,
        firingsWaiting: @escaping @Sendable () -> Bool = { false }
    ) {
        self.pool = pool
        self.clock = clock
        self.feed = feed
        self.firingsWaiting = firingsWaiting
    }

    public var settings: EngineSettings {
        get { state.withLock { $0.settings } }
        set {
            state.withLock { $0.settings = newValue }
            wakeup.wake()
        }
    }

    public var isRunning: Bool { state.withLock { $0.isRunning } }

    /// Whether the `haltAfterBatches` test hook stopped the engine.
    public var isHalted: Bool { state.withLock { $0.halted } }

    /// Starts draining the queue; unfinished work from an earlier process comes first.
    public func start() {
        let generation = state.withLock { state -> UInt64? in
            guard !state.isRunning || state.stopping else { return nil }
            state.isRunning = true
            state.stopping = false
            state.generation += 1
            // Tickets from before this start were released when the last loop stopped.
            state.settledTicket = state.lastTicket
            return state.generation
        }
        guard let generation else { return }
        let thread = Thread { [self] in drain(generation: generation) }
        thread.name = "journeylab-engine"
        thread.start()
    }

    /// Stops after the unit in progress and returns when the engine has stopped.
    public func stop() async {
        await withCheckedContinuation { continuation in
            let running = state.withLock { state -> Bool in
                if state.isRunning { state.stopWaiters.append(continuation) }
                return state.isRunning
            }
            requestStop()
            if !running { continuation.resume() }
        }
    }

    /// Asks the engine to stop without waiting for it.
    func requestStop() {
        state.withLock { $0.stopping = true }
        wakeup.wake()
        releaseAllSettleWaiters()
    }

    /// Returns once nothing is due: every fired event decided and every step due now taken.
    /// In stepped pace it returns when the next stage waits for `advance()`; when the engine is
    /// not running, at once.
    public func settle() async {
        let ticket = state.withLock { state -> UInt64 in
            state.lastTicket += 1
            return state.lastTicket
        }
        wakeup.wake()
        await withCheckedContinuation { continuation in
            let ready = state.withLock { state -> Bool in
                if !state.isRunning || state.stopping || state.halted || state.settledTicket >= ticket { return true }
                state.settleWaiters.append((ticket, continuation))
                return false
            }
            if ready { continuation.resume() }
        }
    }

    /// In stepped pace, lets the engine take its next stage.
    /// Pressing it while nothing waits lets the next stage through, but presses do not pile up.
    public func advance() {
        state.withLock { $0.permits = 1 }
        wakeup.wake()
    }

    /// Tells the engine there may be new work (a fired event, a changed clock).
    public func wake() { wakeup.wake() }

    // MARK: The loop

    private func drain(generation: UInt64) {
        defer { finishStopping(generation: generation) }
        journalResumedWork()
        // Whether the last unit was single events with more likely queued, and when it ended.
        var decidingSingleEvents = false
        var lastTurn = DispatchTime.now()
        while true {
            let (ticket, settings, stopping, halted) = state.withLock {
                ($0.lastTicket, $0.settings, $0.stopping || $0.generation != generation, $0.halted)
            }
            if stopping { return }
            if halted {
                releaseSettleWaiters(through: ticket)
                wakeup.wait(atMost: 1)
                continue
            }
            // A turn taken while firings keep arriving: waits and automation runs due go first,
            // or they would wait behind single events for as long as the stream lasts.
            let betweenFirings = decidingSingleEvents && firingsWaiting()
            if betweenFirings && DispatchTime.now() < lastTurn + Self.longestDeferralToFirings {
                // Acknowledging events comes first: while firings keep arriving, the engine takes
                // the writer only now and then, and catches up once they pause.
                Thread.sleep(forTimeInterval: 0.005)
                continue
            }
            decidingSingleEvents = false
            let now = clock()
            guard
                let next = try? pool.read({
                    try EngineWorker.next(now: now, singleEventsLast: betweenFirings, in: $0)
                })
            else {
                // The file cannot be read now (closing, locked for long): nothing is due that we can see.
                releaseSettleWaiters(through: ticket)
                wakeup.wait(atMost: 0.5)
                continue
            }
            guard let item = next.item else {
                releaseSettleWaiters(through: ticket)
                let untilDue = next.nextDue.map { $0.timeIntervalSince(now) } ?? 1
                wakeup.wait(atMost: min(max(untilDue, 0.001), 1))
                continue
            }
            if settings.pace == .stepped && !takePermit() {
                releaseSettleWaiters(through: ticket)
                wakeup.wait(atMost: 1)
                continue
            }
            let done: Bool
            if case .singleEvent = item, settings.pace != .stepped, settings.haltAfterBatches == nil {
                done = performSingleEvents(startingWith: item, settings: settings)
                decidingSingleEvents = true
                lastTurn = DispatchTime.now()
            } else {
                done = perform(item, settings: settings)
                // Single events come next: this was the turn's unit of other work.
                if betweenFirings {
                    decidingSingleEvents = true
                    lastTurn = DispatchTime.now()
                }
            }
            if !done {
                // Not even the failure could be recorded (disk full, file locked): try again later.
                wakeup.wait(atMost: 1)
            }
        }
    }

    private func finishStopping(generation: UInt64) {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>]? in
            // A newer start owns the engine now, and its waiters.
            guard state.generation == generation else { return nil }
            state.isRunning = false
            defer { state.stopWaiters.removeAll() }
            return state.stopWaiters
        }
        guard let waiters else { return }
        releaseAllSettleWaiters()
        for waiter in waiters { waiter.resume() }
    }

    private func takePermit() -> Bool {
        state.withLock { state in
            guard state.permits > 0 else { return false }
            state.permits -= 1
            return true
        }
    }

    /// Does one unit. - Returns: false when it could neither be done nor marked failed.
    private func perform(_ item: WorkItem, settings: EngineSettings) -> Bool {
        let now = clock()
        let worker = EngineWorker(settings: settings, now: now)
        do {
            let result = try pool.write { db -> (UnitOutcome, [JournalEntry])? in
                guard let outcome = try worker.perform(item, in: db) else { return nil }
                return (outcome, try outcome.lines.map { try JournalRecord.append($0, time: now, in: db) })
            }
            guard let (outcome, entries) = result else { return true }
            feed.publish(entries.map(WorkspaceChange.journal) + outcome.changes)
            if outcome.batchDone { countBatch(against: settings) }
            return true
        } catch {
            guard !state.withLock({ $0.stopping }) else { return true }
            // A busy, full or failing file is not the event's fault: the unit is tried again later.
            if let database = error as? DatabaseError, Self.transientCodes.contains(database.resultCode) { return false }
            // The unit rolled back; record why, so the engine moves on instead of retrying forever.
            let recorded = try? pool.write { db -> ([JournalEntry], [WorkspaceChange]) in
                let outcome = try worker.fail(item, error: error, in: db)
                return (try outcome.lines.map { try JournalRecord.append($0, time: now, in: db) }, outcome.changes)
            }
            guard let (entries, changes) = recorded else { return false }
            feed.publish(entries.map(WorkspaceChange.journal) + changes)
            return true
        }
    }

    static let transientCodes: [ResultCode] = [.SQLITE_BUSY, .SQLITE_LOCKED, .SQLITE_FULL, .SQLITE_IOERR]

    private func countBatch(against settings: EngineSettings) {
        state.withLock { state in
            state.batchesDone += 1
            if let limit = settings.haltAfterBatches, state.batchesDone >= limit { state.halted = true }
        }
    }

    private func releaseAllSettleWaiters() {
        let waiting = state.withLock { state in
            defer { state.settleWaiters.removeAll() }
            return state.settleWaiters.map(\.continuation)
        }
        for continuation in waiting { continuation.resume() }
    }

    private func releaseSettleWaiters(through ticket: UInt64) {
        let ready = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.settledTicket = max(state.settledTicket, ticket)
            let ready = state.settleWaiters.filter { $0.ticket <= ticket }.map(\.continuation)
            state.settleWaiters.removeAll { $0.ticket <= ticket }
            return ready
        }
        for continuation in ready { continuation.resume() }
    }

    /// Says in the journal that work an earlier process left unfinished is picked up again.
    private func journalResumedWork() {
        let now = clock()
        let entry = try? pool.write { db -> JournalEntry? in
            let unfinished = try db.cachedRows(
                sql: "SELECT id, rowsRead FROM eventInstance WHERE status = ? ORDER BY seq",
                arguments: [EventInstance.Status.entering.rawValue])
            guard !unfinished.isEmpty else { return nil }
            let rows = unfinished.map { $0["rowsRead"] as Int }.reduce(0, +)
            let line = JournalLine(
                entity: "event", action: "resume", entityIDs: unfinished.map { $0["id"] },
                sentence:
                    "Resuming \(unfinished.count) unfinished event\(unfinished.count == 1 ? "" : "s") after a restart (\(rows) rows were already done)."
            )
            return try JournalRecord.append(line, time: now, in: db)
        }
        if let entry = entry ?? nil { feed.publish([.journal(entry)]) }
    }
}
