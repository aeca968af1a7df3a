import Foundation
import GRDB

/// Contacts that entered one journey version together (one contact for a single event, one
/// batch for a bulk event) and move through its activities together.
struct Cohort {
    let id: Int64
    let eventSeq: Int64
    let journeyID: UUID?
    let versionID: UUID?
    var firstEntry: Int64
    var lastEntry: Int64
    var entered: Int
    /// The next activity to run.
    var position: Int
    /// When the next activity may run; nil once the cohort has left.
    var dueAt: Date?
    var exitedAt: Date?

    static func start(eventSeq: Int64, target: EntryTarget, now: Date, in db: Database) throws -> Cohort {
        try db.cachedExecute(
            sql: """
                INSERT INTO journeyCohort (eventSeq, journeyID, versionID, firstEntry, lastEntry, entered, position, enteredAt)
                VALUES (?, ?, ?, 0, -1, 0, 0, ?)
                """,
            arguments: [eventSeq, target.journeyID?.storageText, target.versionID?.storageText, now.databaseText])
        return Cohort(
            id: db.lastInsertedRowID, eventSeq: eventSeq, journeyID: target.journeyID, versionID: target.versionID,
            firstEntry: 0, lastEntry: -1, entered: 0, position: 0, dueAt: nil, exitedAt: nil)
    }

    static func load(_ id: Int64, in db: Database) throws -> Cohort? {
        try db.cachedRow(sql: "SELECT * FROM journeyCohort WHERE id = ?", arguments: [id]).map { row in
            let columns = StoredColumns(row, of: "journeyCohort")
            return Cohort(
                id: row["id"], eventSeq: row["eventSeq"],
                journeyID: try columns.optional("journeyID"), versionID: try columns.optional("versionID"),
                firstEntry: row["firstEntry"], lastEntry: row["lastEntry"], entered: row["entered"],
                position: row["position"], dueAt: row["dueAt"], exitedAt: row["exitedAt"])
        }
    }

    mutating func record(_ decided: DecidedEntries) {
        firstEntry = decided.first
        lastEntry = decided.last
        entered = decided.counts.entered
    }

    func save(in db: Database) throws {
        try db.cachedExecute(
            sql: """
                UPDATE journeyCohort SET firstEntry = ?, lastEntry = ?, entered = ?, position = ?, dueAt = ?, exitedAt = ?
                WHERE id = ?
                """,
            arguments: [firstEntry, lastEntry, entered, position, dueAt?.databaseText, exitedAt?.databaseText, id])
    }

    /// The activities of the cohort's version, in order.
    func activities(in db: Database) throws -> [JourneyActivity] {
        guard let journeyID, let versionID else { return [] }
        return try ContactModelStore.journey(.id(journeyID), in: db).versions.first { $0.id == versionID }?.activities
            ?? []
    }

    /// `Member Updates v1`.
    func journeyName(in db: Database) throws -> String {
        guard let journeyID else { return "no journey" }
        let journey = try ContactModelStore.journey(.id(journeyID), in: db)
        let number = journey.versions.first { $0.id == versionID }?.number
        return number.map { "\(journey.name) v\($0)" } ?? journey.name
    }
}

/// Finishing (Unpublished) versions stop once no contact is inside them.
enum VersionDrain {
    struct Finishing {
        let number: Int
        let contactsInside: Int
    }

    /// Stops the journey's Unpublished versions nobody is inside any more.
    /// - Returns: the versions stopped and those still finishing.
    static func stopDrained(journeyID: UUID, in db: Database) throws -> (stopped: [Int], finishing: [Finishing]) {
        var stopped: [Int] = []
        var finishing: [Finishing] = []
        let versions = try db.cachedRows(
            sql: "SELECT id, number FROM journeyVersion WHERE journeyID = ? AND status = ? ORDER BY number",
            arguments: [journeyID.storageText, JourneyStatus.unpublished.rawValue])
        for version in versions {
            let versionID: String = version["id"]
            let inside = try contactsInside(versionID: versionID, in: db)
            if inside > 0 {
                finishing.append(Finishing(number: version["number"], contactsInside: inside))
            } else {
                try db.cachedExecute(
                    sql: "UPDATE journeyVersion SET status = ? WHERE id = ?",
                    arguments: [JourneyStatus.stopped.rawValue, versionID])
                stopped.append(version["number"])
            }
        }
        return (stopped, finishing)
    }

    static func contactsInside(versionID: String, in db: Database) throws -> Int {
        try db.cachedValue(
            Int.self, sql: "SELECT COALESCE(SUM(entered), 0) FROM journeyCohort WHERE versionID = ? AND exitedAt IS NULL",
            arguments: [versionID]) ?? 0
    }
}
