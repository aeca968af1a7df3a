import Foundation
import GRDB

/// The `journal` table. Ids are stored space-separated (GUIDs and row ids hold no spaces).
struct JournalRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "journal"

    var id: Int64?
    var time: Date
    var entity: String
    var action: String
    var entityIDs: String
    var sentence: String

    init(_ line: JournalLine, time: Date) {
        self.time = time
        entity = line.entity
        action = line.action
        entityIDs = line.entityIDs.joined(separator: " ")
        sentence = line.sentence
    }

    /// Inserts the line and returns it as the entry readers will see.
    static func append(_ line: JournalLine, time: Date, in db: Database) throws -> JournalEntry {
        try RawStatement("INSERT INTO journal (time, entity, action, entityIDs, sentence) VALUES (?, ?, ?, ?, ?)", in: db)
            .run(
                .text(time.databaseText), .text(line.entity), .text(line.action),
                .text(line.entityIDs.joined(separator: " ")), .text(line.sentence))
        return JournalEntry(
            id: db.lastInsertedRowID, time: time, entity: line.entity, action: line.action, entityIDs: line.entityIDs,
            sentence: line.sentence)
    }

    var entry: JournalEntry {
        JournalEntry(
            id: id ?? 0, time: time, entity: entity, action: action,
            entityIDs: entityIDs.split(separator: " ").map(String.init), sentence: sentence)
    }
}
