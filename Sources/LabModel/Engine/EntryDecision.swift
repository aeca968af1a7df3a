import Foundation
import GRDB

/// Decides, in one INSERT…SELECT, whether each candidate contact enters one journey version:
/// first the trigger's filter on the contact's attributes, then the entry mode. Every decision
/// becomes a `journeyEntry` row; nothing is decided row by row in Swift.
struct EntryDecision {
    let target: EntryTarget
    let source: StoredDataExtension
    let sourceKey: Field

    init(target: EntryTarget, source: StoredDataExtension, sourceKey: Field) {
        self.target = target
        self.source = source
        self.sourceKey = sourceKey
    }

    init(target: EntryTarget, in db: Database) throws {
        self.target = target
        source = try StoredDataExtension.load(.id(target.sourceID), in: db)
        let groups = try ContactModelStore.attributeGroups(in: db)
        guard let key = source.definition.contactKeyField(in: groups) else {
            throw FireEventError.sourceHasNoContactKey(dataExtension: source.definition.name)
        }
        sourceKey = key
    }

    private var table: String { source.tableName.quotedDatabaseIdentifier }
    private var keyColumn: String { source.column(of: sourceKey).quotedDatabaseIdentifier }

    /// Decides for the contacts of the source rows `after < _row <= through`.
    /// - Returns: the entry ids written and the counts by outcome.
    func decideRows(after: Int64, through: Int64, cohort: Cohort, in db: Database) throws -> DecidedEntries {
        // A contact with several rows is decided once, on its first row in the data extension
        // (the sort index on the key makes finding an earlier row a lookup).
        var firstRowOnly = ""
        if !source.definition.keysAreUnique(sourceKey) {
            try source.rowTable.createSortIndex(for: sourceKey, in: db)
            firstRowOnly =
                "AND NOT EXISTS (SELECT 1 FROM \(table) AS y WHERE y.\(keyColumn) = x.\(keyColumn) AND y._row < x._row)"
        }
        let (outcome, outcomeArguments) = try outcomeExpression(for: cohort, in: db)
        let sql = """
            INSERT INTO journeyEntry (cohortID, contactID, sourceRow, outcome)
            SELECT ?, c.id, x._row, \(outcome)
            FROM \(table) AS x CROSS JOIN contact AS c ON c.contactKey = x.\(keyColumn)
            WHERE x._row > ? AND x._row <= ? \(firstRowOnly)
            """
        return try insert(
            sql: sql, arguments: [cohort.id.databaseValue] + outcomeArguments + [after.databaseValue, through.databaseValue],
            in: db)
    }

    /// Decides for one contact, whose attributes are the row its event wrote in the source
    /// (`eventRow`), else its first row there (if any).
    func decideContact(_ contactID: Int64, eventRow: Int64?, cohort: Cohort, in db: Database) throws -> DecidedEntries {
        let (outcome, outcomeArguments) = try outcomeExpression(for: cohort, in: db)
        let sql = """
            INSERT INTO journeyEntry (cohortID, contactID, sourceRow, outcome)
            SELECT ?, c.id, x._row, \(outcome)
            FROM contact AS c LEFT JOIN \(table) AS x
                ON x._row = COALESCE(?, (SELECT _row FROM \(table) WHERE \(keyColumn) = c.contactKey ORDER BY _row LIMIT 1))
            WHERE c.id = ?
            RETURNING id, outcome
            """
        // One statement: the entry it wrote says its id and outcome (the batch form counts afterwards).
        var counts = EntryCounts()
        var ids: [Int64] = []
        for row in try db.cachedRows(
            sql: sql,
            arguments: StatementArguments(
                [cohort.id.databaseValue] + outcomeArguments + [eventRow.databaseValue, contactID.databaseValue]))
        {
            ids.append(row[0])
            if let outcome = EntryOutcome(rawValue: row[1]) { counts[outcome] += 1 }
        }
        return DecidedEntries(first: ids.min() ?? 1, last: ids.max() ?? 0, counts: counts)
    }

    /// `CASE WHEN filter THEN (entry mode) ELSE filter-not-met END`; a NULL filter result fails.
    private func outcomeExpression(for cohort: Cohort, in db: Database) throws -> (String, [DatabaseValue]) {
        guard let journeyID = target.journeyID, target.isRunning else {
            return ("\(EntryOutcome.noRunningVersion.rawValue)", [])
        }
        var arguments: [DatabaseValue] = []
        var filterSQL = "1"
        if let filter = target.filter {
            let compiled = try TriggerFilterFields(source: source, in: db).compiler.condition(for: filter)
            filterSQL = compiled.sql
            arguments += compiled.arguments
        }
        let entered = "\(EntryOutcome.entered.rawValue)"
        var admitted = entered
        if let stillInside = entryModeCondition, try anyoneMightBeKeptOut(before: cohort, in: db) {
            admitted = "CASE WHEN \(stillInside) THEN \(EntryOutcome.alreadyInJourney.rawValue) ELSE \(entered) END"
            arguments.append(journeyID.storageText.databaseValue)
        }
        return ("CASE WHEN \(filterSQL) THEN \(admitted) ELSE \(EntryOutcome.filterNotMet.rawValue) END", arguments)
    }

    /// Whether another event (earlier, or a single event decided between this run's batches) let
    /// anyone into this journey who could keep out a contact now. This event decides each contact
    /// once (its first row), so its own entries never do; when nobody else entered (a journey's
    /// first run) the per-contact lookup is skipped.
    private func anyoneMightBeKeptOut(before cohort: Cohort, in db: Database) throws -> Bool {
        let stillInside = target.entryMode == .reEntryAfterExit ? "AND exitedAt IS NULL" : ""
        return try db.cachedValue(
            Bool.self,
            sql: """
                SELECT EXISTS (SELECT 1 FROM journeyCohort
                WHERE journeyID = ? AND entered > 0 AND eventSeq != ? \(stillInside))
                """,
            arguments: [target.journeyID?.storageText, cohort.eventSeq]) ?? true
    }

    /// When the entry mode keeps contact `c` out of the journey (bound: the journey id).
    private var entryModeCondition: String? {
        let entered = """
            EXISTS (SELECT 1 FROM journeyEntry AS e JOIN journeyCohort AS k ON k.id = e.cohortID
            WHERE e.contactID = c.id AND e.outcome = \(EntryOutcome.entered.rawValue) AND k.journeyID = ?
            """
        switch target.entryMode {
        case .noReEntry: return entered + ")"
        case .reEntryAfterExit: return entered + " AND k.exitedAt IS NULL)"
        case .reEntryAnytime: return nil
        }
    }

    private func insert(sql: String, arguments: [DatabaseValue], in db: Database) throws -> DecidedEntries {
        let before = try db.cachedValue(Int64.self, sql: "SELECT MAX(id) FROM journeyEntry") ?? 0
        try db.cachedStatement(sql: sql).execute(arguments: StatementArguments(arguments))
        let last = try db.cachedValue(Int64.self, sql: "SELECT MAX(id) FROM journeyEntry") ?? 0
        var counts = EntryCounts()
        for row in try db.cachedRows(
            sql: "SELECT outcome, COUNT(*) FROM journeyEntry WHERE id > ? GROUP BY outcome", arguments: [before])
        {
            if let outcome = EntryOutcome(rawValue: row[0]) { counts[outcome] = row[1] }
        }
        return DecidedEntries(first: before + 1, last: last, counts: counts)
    }
}

/// The entries one decision wrote: ids `first...last` (empty when last < first).
struct DecidedEntries {
    let first: Int64
    let last: Int64
    let counts: EntryCounts
}

/// Event sources and their contact key fields as one engine transaction read them.
final class EventSourceMemo {
    private var read: [UUID: EntryDecision] = [:]

    func decision(for target: EntryTarget, in db: Database) throws -> EntryDecision {
        if let known = read[target.sourceID] {
            return EntryDecision(target: target, source: known.source, sourceKey: known.sourceKey)
        }
        let decision = try EntryDecision(target: target, in: db)
        read[target.sourceID] = decision
        return decision
    }
}
