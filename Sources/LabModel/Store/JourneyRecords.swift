import Foundation
import GRDB

/// The `eventDefinition` table: a journey trigger's event definition, its filter stored as JSON.
struct EventDefinitionRecord: FetchableRecord, TableRecord {
    static let databaseTableName = "eventDefinition"

    let definition: EventDefinition

    init(row: Row) throws {
        let columns = Self.columns(of: row)
        let filterJSON: String? = try columns.optional("filter")
        let filter: Filter?
        do {
            filter = try decodeFilter(filterJSON)
        } catch is DecodingError {
            throw columns.unreadable("filter", expected: "a stored filter")
        }
        definition = EventDefinition(
            id: try columns.required("id"), key: try columns.required("key"), name: try columns.required("name"),
            type: try columns.required("type"), dataExtensionID: try columns.required("dataExtensionID"), filter: filter)
    }
}

/// The trigger filter as the `filter` column stores it (nil: everyone enters).
private func decodeFilter(_ json: String?) throws -> Filter? {
    try json.map { try JSONDecoder().decode(Filter.self, from: Data($0.utf8)) }
}

/// The `journey` table: a journey; its versions are rows of `journeyVersion`.
struct JourneyRecord: FetchableRecord, TableRecord {
    static let databaseTableName = "journey"

    let id: UUID
    let key: String
    let name: String
    let description: String
    let createdAt: Date
    let modifiedAt: Date

    init(row: Row) throws {
        let columns = Self.columns(of: row)
        id = try columns.required("id")
        key = try columns.required("key")
        name = try columns.required("name")
        description = try columns.required("description")
        createdAt = try columns.required("createdAt")
        modifiedAt = try columns.required("modifiedAt")
    }

    func journey(versions: [JourneyVersion]) -> Journey {
        Journey(
            id: id, key: key, name: name, description: description, createdAt: createdAt, modifiedAt: modifiedAt,
            versions: versions)
    }
}

/// The `journeyVersion` table: one version of a journey; its trigger is a row of
/// `eventDefinition`, its activities rows of `journeyActivity`.
struct JourneyVersionRecord: FetchableRecord, TableRecord {
    static let databaseTableName = "journeyVersion"

    let id: UUID
    let journeyID: UUID
    let number: Int
    let status: JourneyStatus
    let entryMode: EntryMode
    let triggerID: UUID?
    let publishedAt: Date?

    init(row: Row) throws {
        let columns = Self.columns(of: row)
        id = try columns.required("id")
        journeyID = try columns.required("journeyID")
        number = try columns.required("number")
        status = try columns.required("status")
        entryMode = try columns.required("entryMode")
        triggerID = try columns.optional("triggerID")
        publishedAt = try columns.optional("publishedAt")
    }

    /// - Throws: `StoredRowError` when the trigger is not among `definitions`.
    func version(definitions: [UUID: EventDefinition], activities: [JourneyActivity]) throws -> JourneyVersion {
        var trigger: EventDefinition?
        if let triggerID {
            guard let definition = definitions[triggerID] else {
                throw StoredRowError.unreadable(
                    table: Self.databaseTableName, column: "triggerID", value: triggerID.storageText,
                    expected: "the id of an event definition")
            }
            trigger = definition
        }
        return JourneyVersion(
            id: id, number: number, status: status, entryMode: entryMode, trigger: trigger, activities: activities,
            publishedAt: publishedAt)
    }
}

/// The `journeyActivity` table: one step of a version, in order. The columns an activity's
/// type does not use are NULL.
struct JourneyActivityRecord: FetchableRecord, TableRecord {
    static let databaseTableName = "journeyActivity"

    let versionID: UUID
    let activity: JourneyActivity

    init(row: Row) throws {
        let columns = Self.columns(of: row)
        versionID = try columns.required("versionID")
        let kind: JourneyActivity.Kind
        let type: String = try columns.required("type")
        switch type {
        case "UPDATECONTACTDATA":
            let stored: String = try columns.required("value")
            guard let value = StoredActivityValue.decode(stored) else {
                throw columns.unreadable("value", expected: "an Update Contact Data value (type|text)")
            }
            kind = .updateContactData(
                dataExtensionID: try columns.required("dataExtensionID"), fieldID: try columns.required("fieldID"),
                value: value)
        case "WAIT":
            kind = .wait(duration: try columns.required("waitDuration"), unit: try columns.required("waitUnit"))
        default:
            throw columns.unreadable("type", expected: "an activity type (UPDATECONTACTDATA or WAIT)")
        }
        activity = JourneyActivity(
            id: try columns.required("id"), key: try columns.required("key"), name: try columns.required("name"), kind: kind)
    }
}

/// An Update Contact Data value, stored as `Type|text` (the type, a bar, the text) so it reads back
/// as the same typed value.
enum StoredActivityValue {
    static func encode(_ value: FieldValue, type: FieldType) -> String {
        "\(type.description)|\(value.displayText)"
    }

    /// The value `stored` holds, or nil when it is not a type and a value of that type.
    static func decode(_ stored: String) -> FieldValue? {
        guard let bar = stored.firstIndex(of: "|") else { return nil }
        let typeText = stored[..<bar]
        let text = String(stored[stored.index(after: bar)...])
        guard var type = FieldType(name: String(typeText.prefix { $0 != "(" })) else { return nil }
        if case .decimal = type, let open = typeText.firstIndex(of: "(") {
            let numbers = typeText[typeText.index(after: open)...].dropLast().split(separator: ",").compactMap { Int($0) }
            guard numbers.count == 2 else { return nil }
            type = .decimal(precision: numbers[0], scale: numbers[1])
        }
        do {
            return try Field(name: "value", type: type, length: 4000).value(from: text)
        } catch {
            return nil
        }
    }
}
