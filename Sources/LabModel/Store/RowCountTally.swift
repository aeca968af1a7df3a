import Foundation
import GRDB

/// Rows a group commit's batch added to each data extension, written to `dataExtension.rowCount`
/// as the batch ends: one update per data extension per commit, where one per fired event had
/// taken 6% of the writer's time. Touched only on the writer's thread, within a batch.
final class RowCountTally: @unchecked Sendable {
    /// Rows added (or removed) per data extension since the batch began.
    var changes: [UUID: Int] = [:]
    private var isOpen = false

    /// Starts a batch's tally (again, when the batch is run again).
    func open() {
        changes.removeAll(keepingCapacity: true)
        isOpen = true
    }

    func add(_ change: Int, to dataExtensionID: UUID) {
        // Outside a batch nothing would write it: the row count would be wrong for good.
        precondition(isOpen, "row counts are tallied only within a group commit's batch")
        changes[dataExtensionID, default: 0] += change
    }

    /// Writes the batch's counts in its transaction and closes the tally.
    func write(in db: Database) throws {
        isOpen = false
        for (id, change) in changes { try RowTable.adjustRowCount(ofDataExtension: id, by: change, in: db) }
    }
}
