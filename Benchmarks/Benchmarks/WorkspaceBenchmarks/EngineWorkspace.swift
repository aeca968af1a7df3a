import Foundation
import GRDB
import LabModel

/// A million members, root of an attribute group, with the tutorial's journey (filter
/// `Updated is False`, Update Contact Data `Updated = True`, the default No re-entry, so every
/// contact's earlier entries are looked up) and a Fire Event automation.
/// Built once and kept between benchmark processes in a folder named for its schema.
struct EngineWorkspace {
    static let memberCount = MemberWorkspace.memberCount
    static let automationKey = "bench-fire-members"

    let workspace: Workspace
    let members: DataExtension
    let automationID: UUID
    /// A second connection, for the hand-written SQL and for putting things back between runs.
    let direct: DatabaseQueue

    static let shared: EngineWorkspace = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("journeylab-bench-engine-v3")
        if let kept = try? EngineWorkspace(folder: folder) { return kept }
        try? FileManager.default.removeItem(at: folder)
        let built = try! MemberWorkspace(folder: folder)
        try! built.fill()
        try! configure(built.workspace, members: built.members)
        built.workspace.close()
        return try! EngineWorkspace(folder: folder)
    }()

    /// Opens a complete kept workspace; throws when there is none.
    private init(folder: URL) throws {
        let path = folder.appendingPathComponent("workspace.sqlite").path
        guard FileManager.default.fileExists(atPath: path) else { throw CocoaError(.fileNoSuchFile) }
        workspace = try Workspace(path: path)
        let automation = try workspace.automation(named: Self.automationKey)
        members = try workspace.dataExtension(.name("Members"))
        guard members.rowCount == Self.memberCount else { throw CocoaError(.fileReadCorruptFile) }
        automationID = automation.id
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        direct = try DatabaseQueue(path: path, configuration: configuration)
        workspace.engine.start()
    }

    private static func configure(_ workspace: Workspace, members: DataExtensionReference) throws {
        try workspace.makeSendable(members, relating: "EmailAddress")
        let group = try workspace.createAttributeGroup(name: "Club")
        try workspace.linkDataExtension(members, to: group.id, contactKeyField: "EmailAddress", asRoot: true)
        let journey = try workspace.createJourney(name: "Bench updates")
        try workspace.setTrigger(
            of: .id(journey.id), name: "Not updated", dataExtension: members,
            filter: .condition(FilterCondition("Updated", .is, "False")))
        try workspace.addUpdateContactActivity(to: .id(journey.id), dataExtension: members, field: "Updated", value: "True")
        try workspace.activate(.id(journey.id))
        let automation = try workspace.createAutomation(name: "Bench fire", key: automationKey)
        try workspace.addFireEventActivity(to: automation.id, dataExtension: members)
    }

    /// The members table and its EmailAddress and Updated columns.
    func storage() throws -> (table: String, email: String, updated: String) {
        try direct.read { db in
            let table = try String.fetchOne(db, sql: "SELECT tableName FROM dataExtension WHERE name = 'Members'")!
            let column = { (name: String) in
                try String.fetchOne(
                    db,
                    sql: """
                        SELECT f.columnName FROM dataExtensionField f JOIN dataExtension d ON d.id = f.dataExtensionID
                        WHERE d.name = 'Members' AND f.name = ?
                        """, arguments: [name])!
            }
            return (
                table.quotedDatabaseIdentifier, try column("EmailAddress").quotedDatabaseIdentifier,
                try column("Updated").quotedDatabaseIdentifier
            )
        }
    }

    /// Every flag False again and the engine's records of earlier runs gone, so each
    /// measurement starts from the same state.
    func reset() throws {
        let (table, _, updated) = try storage()
        try direct.write { db in
            try db.execute(sql: "UPDATE \(table) SET \(updated) = 0")
            try db.execute(
                sql: """
                    DELETE FROM journeyEntry; DELETE FROM journeyCohort; DELETE FROM eventInstance;
                    DELETE FROM automationActivityRun; DELETE FROM automationRun;
                    UPDATE automation SET status = 'PausedSchedule';
                    DROP TABLE IF EXISTS bareEntry;
                    CREATE TABLE bareEntry (id INTEGER PRIMARY KEY, cohortID INTEGER NOT NULL, contactID INTEGER NOT NULL,
                        sourceRow INTEGER, outcome INTEGER NOT NULL);
                    CREATE INDEX bareEntry_contact ON bareEntry (contactID);
                    """)
        }
        _ = try direct.writeWithoutTransaction { try $0.checkpoint(.truncate) }
    }

    /// The physical limit: record an entry per matching member and set every flag, in one
    /// transaction of two statements.
    func bareSQL() throws {
        let (table, email, updated) = try storage()
        try direct.write { db in
            try db.execute(
                sql: """
                    INSERT INTO bareEntry (cohortID, contactID, sourceRow, outcome)
                    SELECT 1, c.id, x._row, 0 FROM \(table) AS x CROSS JOIN contact AS c ON c.contactKey = x.\(email)
                    WHERE x.\(updated) = 0
                    """)
            try db.execute(sql: "UPDATE \(table) SET \(updated) = 1 WHERE _row IN (SELECT sourceRow FROM bareEntry)")
        }
    }

    func updatedCount() throws -> Int {
        let (table, _, updated) = try storage()
        return try direct.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM \(table) WHERE \(updated) = 1")! }
    }
}
