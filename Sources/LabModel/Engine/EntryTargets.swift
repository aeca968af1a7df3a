import Foundation
import GRDB

/// A journey version an event reaches, or a journey that has none running (`versionID` nil:
/// the event is recorded per contact and nobody enters).
struct EntryTarget {
    let journeyID: UUID?
    let versionID: UUID?
    /// `Member Updates v1`, for the journal.
    let name: String
    let entryMode: EntryMode
    /// The data extension whose row holds the contact's attributes for the filter.
    let sourceID: UUID
    let filter: Filter?
    let activities: [JourneyActivity]

    var isRunning: Bool { versionID != nil }
}

enum EntryTargets {
    /// Every published version whose trigger's event source is `dataExtensionID` (what an
    /// automation's Fire Event reaches); when none, one stand-in that records the skip.
    static func listening(to dataExtensionID: UUID, in db: Database) throws -> [EntryTarget] {
        let running = try ContactModelStore.journeys(in: db).compactMap { journey -> EntryTarget? in
            guard let version = journey.publishedVersion, version.trigger?.dataExtensionID == dataExtensionID else { return nil }
            return target(journey, version)
        }
        if !running.isEmpty { return running }
        return [
            EntryTarget(
                journeyID: nil, versionID: nil, name: "no running journey", entryMode: .noReEntry,
                sourceID: dataExtensionID, filter: nil, activities: [])
        ]
    }

    /// Every published version whose trigger has `key`; when none is running, one stand-in per
    /// journey that uses the key, which records the skip.
    /// - Throws: `FireEventError.unknownEventKey` when no event definition has the key.
    static func listening(forKey key: String, in db: Database) throws -> [EntryTarget] {
        guard let definition = try ContactModelStore.eventDefinition(key: key, in: db) else {
            // A started Contact Builder event whose key no trigger uses: recorded, nobody enters.
            if let event = try ContactModelStore.contactEvents(in: db).first(where: {
                $0.eventKey.caseInsensitiveCompare(key) == .orderedSame
            }), let dataExtensionID = event.dataExtensionID {
                return [
                    EntryTarget(
                        journeyID: nil, versionID: nil, name: "no journey", entryMode: .noReEntry,
                        sourceID: dataExtensionID, filter: nil, activities: [])
                ]
            }
            throw FireEventError.unknownEventKey(key)
        }
        let ids = try db.cachedRows(
            sql: "SELECT DISTINCT journeyID FROM journeyVersion WHERE triggerID = ?",
            arguments: [definition.id.storageText]
        ).map { row -> UUID in try JourneyVersionRecord.columns(of: row).required("journeyID") }
        let journeys = try ids.flatMap { try ContactModelStore.journeys(in: db, only: $0) }
        let running = journeys.compactMap { journey -> EntryTarget? in
            guard let version = journey.publishedVersion, version.trigger?.id == definition.id else { return nil }
            return target(journey, version)
        }
        if !running.isEmpty { return running }
        let idle = journeys.map { journey in
            EntryTarget(
                journeyID: journey.id, versionID: nil, name: journey.name, entryMode: .noReEntry,
                sourceID: definition.dataExtensionID, filter: nil, activities: [])
        }
        return idle.isEmpty
            ? [
                EntryTarget(
                    journeyID: nil, versionID: nil, name: "no journey", entryMode: .noReEntry,
                    sourceID: definition.dataExtensionID, filter: nil, activities: [])
            ] : idle
    }

    private static func target(_ journey: Journey, _ version: JourneyVersion) -> EntryTarget {
        EntryTarget(
            journeyID: journey.id, versionID: version.id, name: "\(journey.name) v\(version.number)",
            entryMode: version.entryMode, sourceID: version.trigger!.dataExtensionID, filter: version.trigger!.filter,
            activities: version.activities)
    }
}

/// The targets of each event key as one engine transaction read them: the engine changes no
/// trigger or published version, so a burst of events for one key reads them once.
final class ListeningTargetsMemo {
    private var byKey: [String: [EntryTarget]] = [:]

    func targets(forKey key: String, in db: Database) throws -> [EntryTarget] {
        if let known = byKey[key] { return known }
        let targets = try EntryTargets.listening(forKey: key, in: db)
        byKey[key] = targets
        return targets
    }
}

extension DataExtension {
    /// The field that holds contact keys: the one an attribute group's root link ties to Contact
    /// Key, else the one related to Subscriber Key (sendable), else one another link ties to it
    /// (docs/update-contact-data.md).
    func contactKeyField(in groups: [AttributeGroup]) -> Field? {
        let links = groups.flatMap(\.links).filter { $0.dataExtensionID == id }
        func field(of link: AttributeGroupLink?) -> Field? {
            link.flatMap { link in fields.first { $0.id == link.contactKeyFieldID } }
        }
        return field(of: links.first(where: \.isRoot)) ?? sendableField ?? field(of: links.first)
    }

    /// Whether each contact has at most one row: the contact key is the whole primary key.
    func keysAreUnique(_ keyField: Field) -> Bool {
        primaryKey.map(\.id) == [keyField.id]
    }
}
