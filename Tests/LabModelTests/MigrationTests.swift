import Foundation
import GRDB
import Testing

@testable import LabModel

/// A workspace made by an earlier version opens in this one with all it held.
@Suite struct MigrationTests {
    @Test func journeysStoredUnderTheAPIsWordReadBackAsJourneys() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("journeylab-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("workspace.sqlite").path
        let journeyID = UUID()
        do {
            let queue = try DatabaseQueue(path: path)
            try Migrations.migrator.migrate(queue, upTo: "v8 trigger filters stored as the filter tree")
            let now = "2026-12-08 02:00:00.000"
            try queue.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO interaction (id, key, name, description, createdAt, modifiedAt)
                        VALUES (?, 'member-updates', 'Member Updates', '', ?, ?)
                        """, arguments: [journeyID.storageText, now, now])
                try db.execute(
                    sql: """
                        INSERT INTO interactionVersion (id, interactionID, number, status, entryMode, createdAt)
                        VALUES (?, ?, 1, 'Draft', 'OnceAndDone', ?)
                        """, arguments: [UUID().storageText, journeyID.storageText, now])
                try db.execute(
                    sql: """
                        INSERT INTO journal (time, entity, action, entityIDs, sentence)
                        VALUES (?, 'interaction', 'create', ?, 'Created Member Updates.')
                        """, arguments: [now, journeyID.storageText])
            }
        }

        let workspace = try Workspace(path: path)
        defer { workspace.close() }
        let journey = try workspace.journey(.id(journeyID))
        #expect(journey.name == "Member Updates" && journey.versions.map(\.number) == [1])
        #expect(journey.versions.first?.status == .draft)
        #expect(try workspace.journal(last: 1).map(\.entity) == ["journey"])
    }

    @Test func requestLogLinesKeepTheirQueryApartAndMasked() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("journeylab-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("workspace.sqlite").path
        do {
            let queue = try DatabaseQueue(path: path)
            try Migrations.migrator.migrate(queue, upTo: "v9 journeys named as Journey Builder names them")
            try queue.write { db in
                for target in ["/v2/token?client%5Fsecret=hunter2&x=1", "/data/v1/customobjects"] {
                    try db.execute(
                        sql: """
                            INSERT INTO requestLog (time, method, path, status, durationMilliseconds, requestBody, responseBody)
                            VALUES ('2026-12-08 02:00:00.000', 'POST', ?, 200, 1.5, '', '')
                            """, arguments: [target])
                }
            }
        }

        let workspace = try Workspace(path: path)
        defer { workspace.close() }
        let log = try workspace.requestLog()
        #expect(log.map(\.path) == ["/v2/token", "/data/v1/customobjects"])
        #expect(log.map(\.query) == ["client%5Fsecret=••••&x=1", ""])
        #expect(log.allSatisfy { $0.headers.isEmpty && $0.client.isEmpty })
    }

    @Test func triggerFiltersStoredBeforeTheFilterTreeReadAsTheTree() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("journeylab-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let queue = try DatabaseQueue(path: folder.appendingPathComponent("workspace.sqlite").path)
        try Migrations.migrator.migrate(queue, upTo: "v7 ids without AUTOINCREMENT")
        let now = "2026-12-08 02:00:00.000"
        let stored = [
            ("e1", #"{"condition":{"_0":{"attribute":"Updated","operator":"is","value":"False"}}}"#),
            (
                "e2",
                #"{"group":{"_0":"OR","_1":[{"condition":{"_0":{"attribute":"LastName","operator":"is null"}}},"#
                    + #"{"group":{"_0":"AND","_1":[{"condition":{"_0":{"attribute":"MemberID","operator":"greater","value":"3"}}},"#
                    + #"{"condition":{"_0":{"attribute":"Tier","operator":"not equals","value":"gold"}}}]}}]}}"#
            ),
        ]
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO dataExtension (id, name, externalKey, tableName, createdAt, modifiedAt)
                    VALUES ('d1', 'Members', 'MEMBERS', 'de_1', ?, ?)
                    """, arguments: [now, now])
            for (id, json) in stored {
                try db.execute(
                    sql: """
                        INSERT INTO eventDefinition (id, key, name, type, dataExtensionID, filter, createdAt, modifiedAt)
                        VALUES (?, ?, ?, 'APIEvent', 'd1', ?, ?, ?)
                        """, arguments: [id, "key-\(id)", "Trigger \(id)", json, now, now])
            }
        }

        try Migrations.migrator.migrate(queue)

        let filters = try queue.read { db in
            try String.fetchAll(db, sql: "SELECT filter FROM eventDefinition ORDER BY id").map {
                try JSONDecoder().decode(Filter.self, from: Data($0.utf8))
            }
        }
        #expect(
            filters == [
                .compare(field: "Updated", .equals, value: "False"),
                .any([
                    .isNull(field: "LastName"),
                    .all([.compare(field: "MemberID", .greater, value: "3"), .compare(field: "Tier", .notEquals, value: "gold")]),
                ]),
            ])
        #expect(
            filters.map(\.description) == [
                "Updated is False", "LastName is null OR (MemberID greater 3 AND Tier not equals gold)",
            ])
    }

    @Test func tablesRebuiltWithoutAutoincrementKeepTheirRowsIdsIndexesAndConstraints() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("journeylab-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let queue = try DatabaseQueue(path: folder.appendingPathComponent("workspace.sqlite").path)
        try Migrations.migrator.migrate(queue, upTo: "v6 automation events queued apart")
        let now = "2026-11-28 02:00:00.000"
        try queue.write { db in
            for key in ["ann@example.com", "bo@example.com", "cy@example.com"] {
                try db.execute(sql: "INSERT INTO contact (contactKey, createdAt) VALUES (?, ?)", arguments: [key, now])
            }
            try db.execute(
                sql: "INSERT INTO journal (time, entity, action, entityIDs, sentence) VALUES (?, 'event', 'fire', '', 'Fired.')",
                arguments: [now])
            try db.execute(
                sql: """
                    INSERT INTO eventInstance (seq, id, source, status, notBefore, firedAt)
                    VALUES (41, 'e1', 'apiEvent', 'queued', ?, ?)
                    """, arguments: [now, now])
        }

        try Migrations.migrator.migrate(queue)

        try queue.write { db in
            let declarations = try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table'")
            #expect(!declarations.contains { $0.contains("AUTOINCREMENT") })
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_sequence") == 0)
            #expect(
                try String.fetchAll(db, sql: "SELECT contactKey FROM contact ORDER BY id")
                    == ["ann@example.com", "bo@example.com", "cy@example.com"])
            #expect(try Int.fetchOne(db, sql: "SELECT id FROM contact WHERE contactKey = 'cy@example.com'") == 3)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM journal") == 1)
            // New rows follow the largest id, as before.
            try db.execute(sql: "INSERT INTO contact (contactKey, createdAt) VALUES ('di@example.com', ?)", arguments: [now])
            #expect(db.lastInsertedRowID == 4)
            try db.execute(
                sql:
                    "INSERT INTO eventInstance (id, source, status, notBefore, firedAt) VALUES ('e2', 'apiEvent', 'queued', ?, ?)",
                arguments: [now, now])
            #expect(db.lastInsertedRowID == 42)
            // Keys stay unique, contact keys in any case.
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: "INSERT INTO contact (contactKey, createdAt) VALUES ('ANN@example.com', ?)", arguments: [now])
            }
            #expect(throws: DatabaseError.self) {
                try db.execute(
                    sql: "INSERT INTO eventInstance (id, source, status, notBefore) VALUES ('e1', 'apiEvent', 'queued', ?)",
                    arguments: [now])
            }
            let indexes = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index'"))
            #expect(
                indexes.isSuperset(of: [
                    "eventInstance_pending", "eventInstance_queueOrder", "eventInstance_runID",
                    "eventInstance_automationQueue", "journeyCohort_on_eventSeq", "journeyCohort_inside", "journeyCohort_due",
                ]))
        }
    }
}
