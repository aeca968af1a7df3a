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

    var entry: JournalEntry {
        JournalEntry(
            id: id ?? 0, time: time, entity: entity, action: action,
            entityIDs: entityIDs.split(separator: " ").map(String.init), sentence: sentence)
    }
}
