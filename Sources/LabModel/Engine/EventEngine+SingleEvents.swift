import Foundation
import GRDB

/// Single events decided many to a transaction: the engine catches up with a stream of firings
/// without a commit per event, yet gives way to firings waiting for the writer.
extension EventEngine {
    /// Most single events a transaction decides: enough that the engine catches up quickly once
    /// a stream of firings pauses (one commit each had it falling behind), few enough that one
    /// transaction holds the writer only briefly.
    static let singleEventsPerTransaction = 100
    /// Fewest it decides before giving way to waiting firings, so it still makes progress.
    static let singleEventsBeforeGivingWay = 2
    /// Longest it leaves the writer to firings that keep arriving before deciding a few more.
    /// Firings wait for a turn under way, so turns are short and frequent: a firing never waits
    /// for more than a couple of decisions.
    static let longestDeferralToFirings = DispatchTimeInterval.milliseconds(25)

    /// Decides `first` and the single events due after it in one transaction. They are first
    /// decided without savepoints; when one fails, that is rolled back and they are decided
    /// again each in a savepoint of its own, so the failing one is rolled back alone and
    /// recorded as failed. (A savepoint per event copied every page it touched.)
    /// - Returns: false when a failure could not be recorded (a busy or failing file): what
    ///   was decided before it is kept, and the rest is tried again later.
    func performSingleEvents(startingWith first: WorkItem, settings: EngineSettings) -> Bool {
        let now = clock()
        let worker = EngineWorker(settings: settings, now: now)
        do {
            let (published, complete) = try pool.writeWithoutTransaction { db -> ([WorkspaceChange], Bool) in
                var published: [WorkspaceChange] = []
                var failed = false
                try db.inTransaction(.immediate) {
                    do {
                        published = try decideSingleEvents(startingWith: first, worker: worker, now: now, in: db) {
                            try worker.perform($0, in: db)
                        }
                        return .commit
                    } catch {
                        failed = true
                        return .rollback
                    }
                }
                guard failed else { return (published, true) }
                var complete = true
                try db.inTransaction(.immediate) {
                    published = try decideSingleEvents(startingWith: first, worker: worker, now: now, in: db) { unit in
                        do {
                            var outcome: UnitOutcome?
                            try db.inSavepoint {
                                outcome = try worker.perform(unit, in: db)
                                return .commit
                            }
                            return outcome
                        } catch let error as DatabaseError where Self.transientCodes.contains(error.resultCode) {
                            complete = false
                            throw StopDeciding()
                        } catch {
                            // Stopping (the workspace closing) is not the event's fault: left queued.
                            if state.withLock({ $0.stopping }) { throw StopDeciding() }
                            do {
                                return try worker.fail(unit, error: error, in: db)
                            } catch {
                                complete = false
                                throw StopDeciding()
                            }
                        }
                    }
                    return .commit
                }
                return (published, complete)
            }
            feed.publish(published)
            return complete
        } catch {
            return false
        }
    }

    /// Ends a run of decisions early, keeping those made before it.
    struct StopDeciding: Error {}

    /// Decides `first` and the single events due after it with `decide`, journaling each
    /// outcome, until the transaction has enough or firings wait. `StopDeciding` from `decide`
    /// ends the run, keeping what was decided before it.
    func decideSingleEvents(
        startingWith first: WorkItem, worker: EngineWorker, now: Date, in db: Database,
        decide: (WorkItem) throws -> UnitOutcome?
    ) throws -> [WorkspaceChange] {
        var published: [WorkspaceChange] = []
        var item: WorkItem? = first
        var decided = 0
        let settings = worker.settings
        while let unit = item, decided < Self.singleEventsPerTransaction, keepsDeciding(settings) {
            let outcome: UnitOutcome?
            do {
                outcome = try decide(unit)
            } catch is StopDeciding {
                break
            }
            if let outcome {
                let entries = try outcome.lines.map { try JournalRecord.append($0, time: now, in: db) }
                published += entries.map(WorkspaceChange.journal) + outcome.changes
            }
            decided += 1
            if decided >= Self.singleEventsBeforeGivingWay && firingsWaiting() { break }
            item = try EngineWorker.nextSingleEvent(now: now, in: db).map { WorkItem.singleEvent(seq: $0) }
        }
        return published
    }

    /// Whether a batch goes on: not once the engine stops or someone steps it by hand.
    func keepsDeciding(_ settings: EngineSettings) -> Bool {
        state.withLock { !$0.stopping && $0.settings.pace == settings.pace && $0.settings.haltAfterBatches == nil }
    }
}
