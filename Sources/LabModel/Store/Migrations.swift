import Foundation
import GRDB

/// The workspace schema, one migration per step. Released migrations are never edited:
/// a change is a new migration appended below.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 data extensions and journal") { db in
            try db.create(table: "dataExtension") { t in
                t.primaryKey("id", .text)
                t.column("name", .text).notNull().unique().collate(.nocase)
                t.column("externalKey", .text).notNull().unique().collate(.nocase)
                t.column("description", .text).notNull().defaults(to: "")
                t.column("sendableFieldID", .text)
                t.column("tableName", .text).notNull().unique()
                t.column("rowCount", .integer).notNull().defaults(to: 0)
                t.column("nextColumnNumber", .integer).notNull().defaults(to: 1)
                t.column("createdAt", .datetime).notNull()
                t.column("modifiedAt", .datetime).notNull()
            }
            try db.create(table: "dataExtensionField") { t in
                t.primaryKey("id", .text)
                t.column("dataExtensionID", .text).notNull().indexed()
                    .references("dataExtension", onDelete: .cascade)
                t.column("name", .text).notNull().collate(.nocase)
                t.column("ordinal", .integer).notNull()
                t.column("type", .text).notNull()
                t.column("length", .integer)
                t.column("precision", .integer)
                t.column("scale", .integer)
                t.column("isPrimaryKey", .boolean).notNull()
                t.column("isRequired", .boolean).notNull()
                t.column("defaultValue", .text)
                t.column("isSystem", .boolean).notNull()
                t.column("columnName", .text).notNull()
                t.uniqueKey(["dataExtensionID", "name"])
            }
            try db.create(table: "journal") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("time", .datetime).notNull()
                t.column("entity", .text).notNull()
                t.column("action", .text).notNull()
                t.column("entityIDs", .text).notNull()
                t.column("sentence", .text).notNull()
            }
        }
        migrator.registerMigration("v2 contacts, attribute groups, events, journeys, automations, apps") { db in
            try ContactModelSchema.create(in: db)
        }
        migrator.registerMigration("v3 event engine: queue, cohorts, entries") { db in
            try EngineSchema.create(in: db)
        }
        migrator.registerMigration("v4 the engine's queue in firing order") { db in
            // The next event to decide is the oldest queued one: found at the front of this
            // index, where (status, notBefore) had the engine sort every queued event each time.
            try db.create(index: "eventInstance_queueOrder", on: "eventInstance", columns: ["status", "seq"])
        }
        migrator.registerMigration("v5 only automation events indexed by run") { db in
            // Events fired through the API or Contact Builder belong to no run: an index entry
            // for each of their NULL run ids was a write every firing paid for and no query read.
            try db.execute(
                sql: """
                    DROP INDEX eventInstance_on_runID;
                    CREATE INDEX eventInstance_runID ON eventInstance (runID) WHERE runID IS NOT NULL;
                    """)
        }
        migrator.registerMigration("v6 automation events queued apart") { db in
            // The engine asks every turn whether an automation batch is due. Through the queue's
            // index that read every queued event, a cost that grows with the queue while firings
            // keep coming; this index holds only automation events, so the answer stays one step.
            try db.execute(
                sql: "CREATE INDEX eventInstance_automationQueue ON eventInstance (status, seq) WHERE source = 'automation'")
        }
        migrator.registerMigration("v7 ids without AUTOINCREMENT") { db in
            // No row of these tables is ever deleted, so a new row's id is the largest one plus
            // one either way. AUTOINCREMENT made every insert read and rewrite the table's line in
            // sqlite_sequence as well: four times for every fired event, and a page more in each commit.
            for table in ["contact", "journal", "requestLog", "eventInstance", "journeyCohort"] {
                try rebuildWithoutAutoincrement(table, in: db)
            }
        }
        migrator.registerMigration("v8 trigger filters stored as the filter tree") { db in
            try FilterJSONMigration.run(in: db)
        }
        migrator.registerMigration("v9 journeys named as Journey Builder names them") { db in
            // The REST API says "interaction"; the model says "journey", as Journey Builder does.
            // SQLite renames the references (foreign keys, indexes) with the tables and columns.
            try db.execute(
                sql: """
                    ALTER TABLE interaction RENAME TO journey;
                    ALTER TABLE interactionVersion RENAME TO journeyVersion;
                    ALTER TABLE journeyVersion RENAME COLUMN interactionID TO journeyID;
                    ALTER TABLE journeyCohort RENAME COLUMN interactionID TO journeyID;
                    UPDATE journal SET entity = 'journey' WHERE entity = 'interaction';
                    """)
        }
        migrator.registerMigration("v10 request log with query, headers and client") { db in
            try RequestLogMigration.addQueryHeadersAndClient(in: db)
        }
        return migrator
    }

    /// Copies `table` into one declared alike but without AUTOINCREMENT (SQLite cannot alter
    /// that in place), ids and indexes kept.
    private static func rebuildWithoutAutoincrement(_ table: String, in db: Database) throws {
        let quoted = table.quotedDatabaseIdentifier
        let rebuilt = "\(table)_rebuilt".quotedDatabaseIdentifier
        guard
            let declaration = try String.fetchOne(
                db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", arguments: [table]),
            declaration.hasPrefix("CREATE TABLE \(quoted) ("), declaration.contains(" AUTOINCREMENT")
        else { return }
        // Named indexes only: the table's UNIQUE constraints make their own again.
        let indexes = try String.fetchAll(
            db, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
            arguments: [table])
        try db.execute(
            sql: declaration.replacingOccurrences(of: "CREATE TABLE \(quoted) (", with: "CREATE TABLE \(rebuilt) (")
                .replacingOccurrences(of: " AUTOINCREMENT", with: ""))
        try db.execute(sql: "INSERT INTO \(rebuilt) SELECT * FROM \(quoted)")
        try db.execute(sql: "DROP TABLE \(quoted)")
        try db.execute(sql: "ALTER TABLE \(rebuilt) RENAME TO \(quoted)")
        for index in indexes { try db.execute(sql: index) }
    }
}
