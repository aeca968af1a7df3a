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
        let links = Dictionary(
            grouping: try db.cachedRecords(
                AttributeGroupLinkRecord.self, sql: "SELECT * FROM attributeGroupLink ORDER BY ordinal"),
            by: \.groupID)
        return try db.cachedRecords(AttributeGroupRecord.self, sql: "SELECT * FROM attributeGroup ORDER BY name COLLATE NOCASE")
            .map { $0.group(links: (links[$0.id] ?? []).map(\.link)) }
    }

    static func attributeGroup(_ id: UUID, in db: Database) throws -> AttributeGroup {
        guard let group = try attributeGroups(in: db).first(where: { $0.id == id }) else {
            throw notFound("attribute group", "id \(id.storageText)")
        }
        return group
    }

    // MARK: Contact Builder events

    static func contactEvents(in db: Database) throws -> [ContactEvent] {
        try db.cachedRecords(ContactEventRecord.self, sql: "SELECT * FROM contactEvent ORDER BY name COLLATE NOCASE").map(\.event)
    }

    static func contactEvent(_ id: UUID, in db: Database) throws -> ContactEvent {
        guard let event = try contactEvents(in: db).first(where: { $0.id == id }) else {
            throw notFound("Contact Builder event", "id \(id.storageText)")
        }
        return event
    }

    // MARK: Event definitions

    static func eventDefinitions(in db: Database) throws -> [EventDefinition] {
        try db.cachedRecords(EventDefinitionRecord.self, sql: "SELECT * FROM eventDefinition ORDER BY createdAt, rowid")
            .map(\.definition)
    }

    static func eventDefinition(key: String, in db: Database) throws -> EventDefinition? {
        try db.cachedRecord(EventDefinitionRecord.self, sql: "SELECT * FROM eventDefinition WHERE key = ?", arguments: [key])?
            .definition
    }

    // MARK: Journeys

    /// Every journey, or only the one with `id` (the engine reads one per event).
    static func journeys(in db: Database, only id: UUID? = nil) throws -> [Journey] {
        let one = id?.storageText
        let definitions = Dictionary(
            uniqueKeysWithValues: try db.cachedRecords(
                EventDefinitionRecord.self,
                sql: """
                    SELECT * FROM eventDefinition WHERE ?1 IS NULL
                    OR id IN (SELECT triggerID FROM journeyVersion WHERE journeyID = ?1)
                    """, arguments: [one]
            ).map { ($0.definition.id, $0.definition) })
        let activities = Dictionary(
            grouping: try db.cachedRecords(
                JourneyActivityRecord.self,
                sql: """
                    SELECT * FROM journeyActivity WHERE ?1 IS NULL
                    OR versionID IN (SELECT id FROM journeyVersion WHERE journeyID = ?1) ORDER BY ordinal
                    """, arguments: [one]),
            by: \.versionID)
        let versions = Dictionary(
            grouping: try db.cachedRecords(
                JourneyVersionRecord.self,
                sql: "SELECT * FROM journeyVersion WHERE ?1 IS NULL OR journeyID = ?1 ORDER BY number",
                arguments: [one]),
            by: \.journeyID)
        return try db.cachedRecords(
            JourneyRecord.self,
            sql: "SELECT * FROM journey WHERE ?1 IS NULL OR id = ?1 ORDER BY name COLLATE NOCASE, key", arguments: [one]
        ).map { journey in
            journey.journey(
                versions: try (versions[journey.id] ?? []).map { version in
                    try version.version(definitions: definitions, activities: (activities[version.id] ?? []).map(\.activity))
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

    // MARK: Automations

    static func automations(in db: Database) throws -> [Automation] {
        let activities = Dictionary(
            grouping: try db.cachedRecords(
                AutomationActivityRecord.self, sql: "SELECT * FROM automationActivity ORDER BY step, displayOrder"),
            by: \.automationID)
        let automations = try db.cachedRecords(
            AutomationRecord.self, sql: "SELECT * FROM automation ORDER BY name COLLATE NOCASE")
        return automations.map { automation in
            let steps = Dictionary(grouping: activities[automation.id] ?? [], by: \.step)
            return automation.automation(
                steps: steps.keys.sorted().map { number in
                    AutomationStep(number: number, activities: steps[number, default: []].map(\.activity))
                })
        }
    }

    static func automationRuns(of automationID: UUID, in db: Database) throws -> [AutomationRun] {
        let activityRuns = Dictionary(
            grouping: try db.cachedRecords(
                AutomationActivityRunRecord.self,
                sql: """
                    SELECT r.* FROM automationActivityRun r JOIN automationRun a ON a.id = r.runID
                    WHERE a.automationID = ? ORDER BY r.ordinal, r.rowid
                    """,
                arguments: [automationID.storageText]),
            by: \.runID)
        return try db.cachedRecords(
            AutomationRunRecord.self, sql: "SELECT * FROM automationRun WHERE automationID = ? ORDER BY startedAt, rowid",
            arguments: [automationID.storageText]
        ).map { $0.run(activities: (activityRuns[$0.id] ?? []).map(\.activityRun)) }
    }

    // MARK: Apps

    static func apps(in db: Database) throws -> [InstalledApp] {
        try db.cachedRecords(InstalledAppRecord.self, sql: "SELECT * FROM installedApp ORDER BY name COLLATE NOCASE").map(\.app)
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
