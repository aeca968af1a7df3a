import Foundation
import GRDB

/// The `dataExtension` table: a data extension's definition and the name of its row table.
struct DataExtensionRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "dataExtension"

    var id: String
    var name: String
    var externalKey: String
    var description: String
    var sendableFieldID: String?
    var tableName: String
    var rowCount: Int
    var nextColumnNumber: Int
    var createdAt: Date
    var modifiedAt: Date

    init(
        id: String, name: String, externalKey: String, description: String, sendableFieldID: String?, tableName: String,
        rowCount: Int, nextColumnNumber: Int, createdAt: Date, modifiedAt: Date
    ) {
        self.id = id
        self.name = name
        self.externalKey = externalKey
        self.description = description
        self.sendableFieldID = sendableFieldID
        self.tableName = tableName
        self.rowCount = rowCount
        self.nextColumnNumber = nextColumnNumber
        self.createdAt = createdAt
        self.modifiedAt = modifiedAt
    }

    /// Decoded by hand: Codable decoding was most of the cost of opening a page.
    init(row: Row) throws {
        id = row["id"]
        name = row["name"]
        externalKey = row["externalKey"]
        description = row["description"]
        sendableFieldID = row["sendableFieldID"]
        tableName = row["tableName"]
        rowCount = row["rowCount"]
        nextColumnNumber = row["nextColumnNumber"]
        createdAt = row["createdAt"]
        modifiedAt = row["modifiedAt"]
    }
}

/// The `dataExtensionField` table: one field, in order, with the row-table column that holds it.
struct FieldRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "dataExtensionField"

    var id: String
    var dataExtensionID: String
    var name: String
    var ordinal: Int
    var type: String
    var length: Int?
    var precision: Int?
    var scale: Int?
    var isPrimaryKey: Bool
    var isRequired: Bool
    var defaultValue: String?
    var isSystem: Bool
    var columnName: String

    init(row: Row) throws {
        id = row["id"]
        dataExtensionID = row["dataExtensionID"]
        name = row["name"]
        ordinal = row["ordinal"]
        type = row["type"]
        length = row["length"]
        precision = row["precision"]
        scale = row["scale"]
        isPrimaryKey = row["isPrimaryKey"]
        isRequired = row["isRequired"]
        defaultValue = row["defaultValue"]
        isSystem = row["isSystem"]
        columnName = row["columnName"]
    }

    init(_ field: Field, dataExtensionID: UUID, ordinal: Int, columnName: String) {
        id = field.id.storageText
        self.dataExtensionID = dataExtensionID.storageText
        name = field.name
        self.ordinal = ordinal
        type = field.type.name
        if case .decimal(let precision, let scale) = field.type {
            (self.precision, self.scale) = (precision, scale)
        }
        length = field.length
        isPrimaryKey = field.isPrimaryKey
        isRequired = field.isRequired
        defaultValue = field.defaultValue
        isSystem = field.isSystem
        self.columnName = columnName
    }

    var field: Field {
        var field = Field(
            id: UUID(uuidString: id) ?? UUID(),
            name: name,
            type: FieldType(name: type, precision: precision, scale: scale) ?? .text,
            isPrimaryKey: isPrimaryKey,
            isRequired: isRequired,
            length: length,
            defaultValue: defaultValue)
        field.isSystem = isSystem
        return field
    }
}
