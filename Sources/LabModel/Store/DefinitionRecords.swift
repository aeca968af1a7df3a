import Foundation
import GRDB

/// The `dataExtension` table: a data extension's definition and the name of its row table.
struct DataExtensionRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "dataExtension"

    var id: UUID
    var name: String
    var externalKey: String
    var description: String
    var sendableFieldID: UUID?
    var tableName: String
    var rowCount: Int
    var nextColumnNumber: Int
    var createdAt: Date
    var modifiedAt: Date

    init(
        id: UUID, name: String, externalKey: String, description: String, sendableFieldID: UUID?, tableName: String,
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

    /// Decoded by hand, as is the encoding: Codable was most of the cost of opening a page.
    init(row: Row) throws {
        let columns = Self.columns(of: row)
        id = try columns.required("id")
        name = try columns.required("name")
        externalKey = try columns.required("externalKey")
        description = try columns.required("description")
        sendableFieldID = try columns.optional("sendableFieldID")
        tableName = try columns.required("tableName")
        rowCount = try columns.required("rowCount")
        nextColumnNumber = try columns.required("nextColumnNumber")
        createdAt = try columns.required("createdAt")
        modifiedAt = try columns.required("modifiedAt")
    }

    func encode(to container: inout PersistenceContainer) {
        container["id"] = id.storageText
        container["name"] = name
        container["externalKey"] = externalKey
        container["description"] = description
        container["sendableFieldID"] = sendableFieldID?.storageText
        container["tableName"] = tableName
        container["rowCount"] = rowCount
        container["nextColumnNumber"] = nextColumnNumber
        container["createdAt"] = createdAt
        container["modifiedAt"] = modifiedAt
    }
}

/// The `dataExtensionField` table: one field, in order, with the row-table column that holds it.
struct FieldRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "dataExtensionField"

    var field: Field
    var dataExtensionID: UUID
    var ordinal: Int
    var columnName: String

    init(row: Row) throws {
        let columns = Self.columns(of: row)
        field = Field(
            id: try columns.required("id"),
            name: try columns.required("name"),
            type: try Self.type(in: columns),
            isPrimaryKey: try columns.required("isPrimaryKey"),
            isRequired: try columns.required("isRequired"),
            length: try columns.optional("length"),
            defaultValue: try columns.optional("defaultValue"))
        field.isSystem = try columns.required("isSystem")
        dataExtensionID = try columns.required("dataExtensionID")
        ordinal = try columns.required("ordinal")
        columnName = try columns.required("columnName")
    }

    init(_ field: Field, dataExtensionID: UUID, ordinal: Int, columnName: String) {
        self.field = field
        self.dataExtensionID = dataExtensionID
        self.ordinal = ordinal
        self.columnName = columnName
    }

    func encode(to container: inout PersistenceContainer) {
        container["id"] = field.id.storageText
        container["dataExtensionID"] = dataExtensionID.storageText
        container["name"] = field.name
        container["ordinal"] = ordinal
        container["type"] = field.type.name
        if case .decimal(let precision, let scale) = field.type {
            container["precision"] = precision
            container["scale"] = scale
        } else {
            container["precision"] = nil
            container["scale"] = nil
        }
        container["length"] = field.length
        container["isPrimaryKey"] = field.isPrimaryKey
        container["isRequired"] = field.isRequired
        container["defaultValue"] = field.defaultValue
        container["isSystem"] = field.isSystem
        container["columnName"] = columnName
    }

    /// The type's name, with the precision and scale a Decimal is always stored with.
    private static func type(in columns: StoredColumns) throws -> FieldType {
        let name: String = try columns.required("type")
        guard let type = FieldType(name: name) else {
            throw columns.unreadable("type", expected: "a field type")
        }
        guard case .decimal = type else { return type }
        let precision: Int = try columns.required("precision")
        let scale: Int = try columns.required("scale")
        return .decimal(precision: precision, scale: scale)
    }
}
