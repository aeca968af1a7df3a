import Foundation
import GRDB

/// Loading the contact-model entities from their tables, shared by every reader.
enum ContactModelStore {
    static func notFound(_ kind: String, _ reference: String) -> ContactModelError {
        .notFound(kind: kind, reference: reference)
    }

    // MARK: Contacts

    static func contact(_ reference: ContactReference, in db: Database) throws -> Contact? {
        let row: Row?
        switch reference {
        case .key(let key):
            row = try db.cachedRow(sql: "SELECT id, contactKey FROM contact WHERE contactKey = ?", arguments: [key])
        case .id(let id): row = try db.cachedRow(sql: "SELECT id, contactKey FROM contact WHERE id = ?", arguments: [id])
        }
        return row.map { Contact(id: $0[0], key: $0[1]) }
    }

    /// The contact with this key, created the first time the key is seen.
    static func ensureContact(key: String, now: Date, in db: Database) throws -> Contact {
        try RawStatement("INSERT OR IGNORE INTO contact (contactKey, createdAt) VALUES (?, ?)", in: db)
            .run(.text(key), .text(now.databaseText))
        // A key seen before (perhaps in another case) keeps the contact it names.
        guard db.changesCount == 1 else { return try contact(.key(key), in: db)! }
        return Contact(id: db.lastInsertedRowID, key: key)
    }

    // MARK: Attribute groups

    static func attributeGroups(in db: Database) throws -> [AttributeGroup] {
        let links = try db.cachedRows(sql: "SELECT * FROM attributeGroupLink ORDER BY ordinal")
        let linksByGroup = Dictionary(grouping: links) { $0["groupID"] as String }
        return try db.cachedRows(sql: "SELECT * FROM attributeGroup ORDER BY name COLLATE NOCASE").map { row in
            let id: String = row["id"]
            return AttributeGroup(
                id: UUID(uuidString: id)!, name: row["name"], icon: row["icon"],
                links: (linksByGroup[id] ?? []).map { link in
                    AttributeGroupLink(
                        dataExtensionID: UUID(uuidString: link["dataExtensionID"])!,
                        contactKeyFieldID: UUID(uuidString: link["contactKeyFieldID"])!,
                        cardinality: Cardinality(rawValue: link["cardinality"]) ?? .one, isRoot: link["isRoot"])
                })
        }
    }

    static func attributeGroup(_ id: UUID, in db: Database) throws -> AttributeGroup {
        guard let group = try attributeGroups(in: db).first(where: { $0.id == id }) else {
            throw notFound("attribute group", "id \(id.storageText)")
        }
        return group
    }

    // MARK: Contact Builder events

    static func contactEvents(in db: Database) throws -> [ContactEvent] {
        try db.cachedRows(sql: "SELECT * FROM contactEvent ORDER BY name COLLATE NOCASE").map { row in
            ContactEvent(
                id: UUID(uuidString: row["id"])!, name: row["name"], eventKey: row["eventKey"],
                destinationGroupID: UUID(uuidString: row["destinationGroupID"])!,
                dataExtensionID: (row["dataExtensionID"] as String?).flatMap(UUID.init(uuidString:)),
                state: ContactEvent.State(rawValue: row["state"]) ?? .draft)
        }
    }

    static func contactEvent(_ id: UUID, in db: Database) throws -> ContactEvent {
        guard let event = try contactEvents(in: db).first(where: { $0.id == id }) else {
            throw notFound("Contact Builder event", "id \(id.storageText)")
        }
        return event
    }

    // MARK: Event definitions

    static func eventDefinition(from row: Row) throws -> EventDefinition {
        let filterJSON: String? = row["filter"]
        return EventDefinition(
            id: UUID(uuidString: row["id"])!, key: row["key"], name: row["name"],
            type: EventDefinitionType(rawValue: row["type"]) ?? .contactEvent,
            dataExtensionID: UUID(uuidString: row["dataExtensionID"])!,
            filter: try filterJSON.map { try JSONDecoder().decode(Filter.self, from: Data($0.utf8)) })
    }

    static func eventDefinitions(in db: Database) throws -> [EventDefinition] {
        try db.cachedRows(sql: "SELECT * FROM eventDefinition ORDER BY createdAt, rowid").map(eventDefinition(from:))
    }

    static func eventDefinition(key: String, in db: Database) throws -> EventDefinition? {
        try db.cachedRow(sql: "SELECT * FROM eventDefinition WHERE key = ?", arguments: [key]).map(eventDefinition(from:))
    }

    // MARK: Journeys

    /// Every journey, or only the one with `id` (the engine reads one per event).
    static func journeys(in db: Database, only id: UUID? = nil) throws -> [Journey] {
        let one = id?.storageText
        let definitions = Dictionary(
            uniqueKeysWithValues: try db.cachedRows(
                sql: """
                    SELECT * FROM eventDefinition WHERE ?1 IS NULL
                    OR id IN (SELECT triggerID FROM journeyVersion WHERE journeyID = ?1)
                    """, arguments: [one]
            ).map { (($0["id"] as String), try eventDefinition(from: $0)) })
        let activities = Dictionary(
            grouping: try db.cachedRows(
                sql: """
                    SELECT * FROM journeyActivity WHERE ?1 IS NULL
                    OR versionID IN (SELECT id FROM journeyVersion WHERE journeyID = ?1) ORDER BY ordinal
                    """, arguments: [one]),
            by: { $0["versionID"] as String })
        let versions = Dictionary(
            grouping: try db.cachedRows(
                sql: "SELECT * FROM journeyVersion WHERE ?1 IS NULL OR journeyID = ?1 ORDER BY number",
                arguments: [one]),
            by: { $0["journeyID"] as String })
        return try db.cachedRows(
            sql: "SELECT * FROM journey WHERE ?1 IS NULL OR id = ?1 ORDER BY name COLLATE NOCASE, key", arguments: [one]
        ).map { row in
            let id: String = row["id"]
            return Journey(
                id: UUID(uuidString: id)!, key: row["key"], name: row["name"], description: row["description"],
                createdAt: row["createdAt"], modifiedAt: row["modifiedAt"],
                versions: (versions[id] ?? []).map { version in
                    let versionID: String = version["id"]
                    return JourneyVersion(
                        id: UUID(uuidString: versionID)!, number: version["number"],
                        status: JourneyStatus(rawValue: version["status"]) ?? .draft,
                        entryMode: EntryMode(rawValue: version["entryMode"]) ?? .noReEntry,
                        trigger: (version["triggerID"] as String?).flatMap { definitions[$0] },
                        activities: (activities[versionID] ?? []).compactMap(activity(from:)),
                        publishedAt: version["publishedAt"])
                })
        }
    }

    static func journey(_ reference: JourneyReference, in db: Database) throws -> Journey {
        let found: Journey? =
            switch reference {
            case .id(let id): try journeys(in: db, only: id).first
            case .key(let key): try journeys(in: db).first { $0.key.caseInsensitiveCompare(key) == .orderedSame }
            }
        guard let found else { throw notFound("journey", "\(reference)") }
        return found
    }

    private static func activity(from row: Row) -> JourneyActivity? {
        let kind: JourneyActivity.Kind
        switch row["type"] as String {
        case "UPDATECONTACTDATA":
            guard let de = (row["dataExtensionID"] as String?).flatMap(UUID.init(uuidString:)),
                let field = (row["fieldID"] as String?).flatMap(UUID.init(uuidString:))
            else { return nil }
            kind = .updateContactData(dataExtensionID: de, fieldID: field, value: StoredActivityValue.decode(row["value"]))
        case "WAIT":
            kind = .wait(duration: row["waitDuration"] ?? 1, unit: WaitUnit(rawValue: row["waitUnit"] ?? "") ?? .days)
        default:
            return nil
        }
        return JourneyActivity(id: UUID(uuidString: row["id"])!, key: row["key"], name: row["name"], kind: kind)
    }

    // MARK: Automations

    static func automations(in db: Database) throws -> [Automation] {
        let activities = Dictionary(
            grouping: try db.cachedRows(sql: "SELECT * FROM automationActivity ORDER BY step, displayOrder"),
            by: { $0["automationID"] as String })
        return try db.cachedRows(sql: "SELECT * FROM automation ORDER BY name COLLATE NOCASE").map { row in
            let id: String = row["id"]
            let steps = Dictionary(grouping: activities[id] ?? [], by: { $0["step"] as Int })
            return Automation(
                id: UUID(uuidString: id)!, key: row["key"], name: row["name"], description: row["description"],
                type: row["type"], status: AutomationStatus(rawValue: row["status"]) ?? .ready,
                steps: steps.keys.sorted().map { number in
                    AutomationStep(
                        number: number,
                        activities: steps[number]!.map {
                            AutomationActivity(
                                id: UUID(uuidString: $0["id"])!, name: $0["name"], objectTypeID: $0["objectTypeID"],
                                dataExtensionID: UUID(uuidString: $0["dataExtensionID"])!)
                        })
                })
        }
    }

    static func automationRuns(of automationID: UUID, in db: Database) throws -> [AutomationRun] {
        let activityRuns = Dictionary(
            grouping: try db.cachedRows(
                sql: "SELECT r.* FROM automationActivityRun r JOIN automationRun a ON a.id = r.runID WHERE a.automationID = ?",
                arguments: [automationID.storageText]),
            by: { $0["runID"] as String })
        return try db.cachedRows(
            sql: "SELECT * FROM automationRun WHERE automationID = ? ORDER BY startedAt, rowid",
            arguments: [automationID.storageText]
        ).map { row in
            let id: String = row["id"]
            return AutomationRun(
                id: UUID(uuidString: id)!, automationID: automationID,
                status: AutomationRun.RunStatus(rawValue: row["status"]) ?? .running, startedAt: row["startedAt"],
                endedAt: row["endedAt"], message: row["message"],
                activities: (activityRuns[id] ?? []).sorted { ($0["ordinal"] as Int) < ($1["ordinal"] as Int) }.map { row in
                    var skipped = EntryCounts()
                    skipped.filterNotMet = row["skippedFilter"]
                    skipped.alreadyInJourney = row["skippedAlreadyIn"]
                    skipped.noRunningVersion = row["skippedNoVersion"]
                    return ActivityRun(
                        activityID: UUID(uuidString: row["activityID"])!,
                        status: AutomationRun.RunStatus(rawValue: row["status"]) ?? .running, rowsRead: row["rowsRead"],
                        contactsEntered: row["contactsEntered"], contactsSkipped: row["contactsSkipped"], skipped: skipped,
                        rowsWithoutContact: row["rowsWithoutContact"],
                        eventInstanceID: (row["eventInstanceID"] as String?).flatMap(UUID.init(uuidString:)),
                        message: row["message"])
                })
        }
    }

    // MARK: Apps

    static func apps(in db: Database) throws -> [InstalledApp] {
        try db.cachedRows(sql: "SELECT * FROM installedApp ORDER BY name COLLATE NOCASE").map { row in
            InstalledApp(
                id: UUID(uuidString: row["id"])!, name: row["name"], package: row["package"], account: row["account"],
                clientID: row["clientID"], clientSecret: row["clientSecret"],
                permissions: Set(
                    (row["permissions"] as String).split(separator: ",").compactMap { AppPermission(parsing: String($0)) }))
        }
    }
}

/// An Update Contact Data value, stored as `Type|text` (the type, a bar, the text) so it reads back
/// as the same typed value.
enum StoredActivityValue {
    static func encode(_ value: FieldValue, type: FieldType) -> String {
        "\(type.description)|\(value.displayText)"
    }

    static func decode(_ stored: String?) -> FieldValue {
        guard let stored, let bar = stored.firstIndex(of: "|") else { return .null }
        let typeText = stored[..<bar]
        let text = String(stored[stored.index(after: bar)...])
        var type = FieldType(name: String(typeText.prefix { $0 != "(" })) ?? .text
        if case .decimal = type, let open = typeText.firstIndex(of: "(") {
            let numbers = typeText[typeText.index(after: open)...].dropLast().split(separator: ",").compactMap { Int($0) }
            if numbers.count == 2 { type = .decimal(precision: numbers[0], scale: numbers[1]) }
        }
        return (try? Field(name: "value", type: type, length: 4000).value(from: text)) ?? .text(text)
    }
}

/// How callers name a journey.
public enum JourneyReference: Sendable, Hashable, CustomStringConvertible {
    case id(UUID)
    case key(String)

    public var description: String {
        switch self {
        case .id(let id): "id \(id.storageText)"
        case .key(let key): "key \(key)"
        }
    }
}
