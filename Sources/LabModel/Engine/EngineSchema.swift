import GRDB

/// The event engine's tables (migration "v3"): the durable queue of fired events, the groups
/// of contacts that enter a journey version together, and one decision per contact.
enum EngineSchema {
    static func create(in db: Database) throws {
        try db.create(table: "eventInstance") { t in
            // The firing order; `id` is the event instance id callers get back.
            t.autoIncrementedPrimaryKey("seq")
            t.column("id", .text).notNull().unique()
            t.column("source", .text).notNull()
            t.column("eventKey", .text)
            t.column("dataExtensionID", .text)
            t.column("contactID", .integer)
            t.column("runID", .text).indexed()
            t.column("activityID", .text)
            t.column("status", .text).notNull()
            t.column("notBefore", .datetime).notNull()
            // Bulk events read rows `cursor < _row <= lastRow`, a batch per transaction.
            t.column("lastRow", .integer).notNull().defaults(to: 0)
            t.column("cursor", .integer).notNull().defaults(to: 0)
            t.column("batches", .integer).notNull().defaults(to: 0)
            t.column("rowsRead", .integer).notNull().defaults(to: 0)
            t.column("rowsWithoutContact", .integer).notNull().defaults(to: 0)
            t.column("entered", .integer).notNull().defaults(to: 0)
            t.column("skippedFilter", .integer).notNull().defaults(to: 0)
            t.column("skippedAlreadyIn", .integer).notNull().defaults(to: 0)
            t.column("skippedNoVersion", .integer).notNull().defaults(to: 0)
            t.column("firedAt", .datetime).notNull()
            t.column("finishedAt", .datetime)
            t.column("message", .text)
        }
        try db.create(index: "eventInstance_pending", on: "eventInstance", columns: ["status", "notBefore"])
        try db.create(table: "journeyCohort") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("eventSeq", .integer).notNull().indexed()
            t.column("interactionID", .text)
            t.column("versionID", .text)
            // Its entries are the `journeyEntry` ids firstEntry...lastEntry (one INSERT…SELECT).
            t.column("firstEntry", .integer).notNull()
            t.column("lastEntry", .integer).notNull()
            t.column("entered", .integer).notNull()
            // The next activity to run, and when it may run.
            t.column("position", .integer).notNull()
            t.column("dueAt", .datetime)
            t.column("enteredAt", .datetime).notNull()
            t.column("exitedAt", .datetime)
        }
        try db.execute(
            sql: """
                CREATE INDEX journeyCohort_inside ON journeyCohort (versionID) WHERE exitedAt IS NULL;
                CREATE INDEX journeyCohort_due ON journeyCohort (dueAt) WHERE exitedAt IS NULL;
                """)
        // A plain INTEGER PRIMARY KEY (no AUTOINCREMENT): a million entries per run, no sequence table.
        try db.create(table: "journeyEntry") { t in
            t.primaryKey("id", .integer)
            t.column("cohortID", .integer).notNull()
            t.column("contactID", .integer).notNull().indexed()
            t.column("sourceRow", .integer)
            t.column("outcome", .integer).notNull()
        }
        try db.alter(table: "automationActivityRun") { t in
            t.add(column: "skippedFilter", .integer).notNull().defaults(to: 0)
            t.add(column: "skippedAlreadyIn", .integer).notNull().defaults(to: 0)
            t.add(column: "skippedNoVersion", .integer).notNull().defaults(to: 0)
            t.add(column: "rowsWithoutContact", .integer).notNull().defaults(to: 0)
            t.add(column: "eventInstanceID", .text)
            t.add(column: "ordinal", .integer).notNull().defaults(to: 0)
        }
        try db.alter(table: "automationRun") { t in
            t.add(column: "statusBefore", .text)
        }
    }
}
