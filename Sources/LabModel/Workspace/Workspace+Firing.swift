import Foundation
import GRDB

extension Workspace {
    /// `contactEvents`: fires a running Contact Builder event. Each data item becomes a row of
    /// the event's data extension (`EventInstanceID`, `ParentEventInstanceID`, `ContactKey`
    /// filled in); the contact then enters every running journey whose trigger has the key.
    /// Returns at once; the engine decides the entry.
    @discardableResult
    public func fireContactEvent(_ request: ContactEventRequest) throws -> FiredEvent {
        try fire(contactEventFiring(request))
    }

    /// `fireContactEvent` for callers that suspend rather than block while the commit is made.
    @discardableResult
    public func fireContactEvent(_ request: ContactEventRequest) async throws -> FiredEvent {
        try await fire(contactEventFiring(request))
    }

    private func contactEventFiring(_ request: ContactEventRequest) -> Firing {
        let now = clock()
        let instanceID = UUID.timeOrdered(at: now)
        return Firing(instanceID: instanceID, now: now) { [self] db, now in
            guard
                let event = try ContactModelStore.contactEvents(in: db).first(where: {
                    $0.eventKey.caseInsensitiveCompare(request.eventKey) == .orderedSame
                })
            else { throw FireEventError.unknownEventKey(request.eventKey) }
            guard event.state == .running else { throw FireEventError.eventNotStarted(event: event.name, key: event.eventKey) }
            guard let dataExtensionID = event.dataExtensionID else {
                throw ContactModelError.eventHasNoDataExtension(event: event.name)
            }
            let eventData = try StoredDataExtension.load(.id(dataExtensionID), in: db)
            try checkAddresses(of: request.data, eventDataExtension: eventData.definition, in: db)
            let items = request.data.flatMap(\.items)
            let contact = try contactOfEvent(request.contact, items: items, now: now, in: db)

            var written: [Int64] = []
            for (index, item) in items.enumerated() {
                var values: [String: String] = [:]
                for pair in item where !Self.platformFilled.contains(pair.name.lowercased()) {
                    values[pair.name] = pair.value
                }
                values["EventInstanceID"] = (index == 0 ? instanceID : UUID.timeOrdered(at: now)).storageText
                values["ParentEventInstanceID"] = instanceID.storageText
                values["ContactKey"] = contact.key
                let input = RecordInput(dataExtension: eventData.definition, allowsSystemFields: true)
                written.append(
                    try insertEventRow(try Self.eventRecord(values, reading: input, now: now), into: eventData, in: db))
            }
            let rootRow = try markRootRow(of: event, contact: contact, instanceID: instanceID, in: db)
            try QueuedEvent.enqueue(
                id: instanceID, source: .contactEvent, eventKey: event.eventKey, contactID: contact.id,
                notBefore: now.addingTimeInterval(engine.settings.pace.hearingDelay), now: now, in: db)
            var rowsText =
                items.isEmpty
                ? "no data" : "\(items.count) row\(items.count == 1 ? "" : "s") added to \(eventData.definition.name)"
            let callerKeys = request.data.compactMap(\.key).filter { !$0.isEmpty }
            if !callerKeys.isEmpty { rowsText += ", data key \(callerKeys.joined(separator: ", "))" }
            let line = JournalLine(
                entity: "event", action: "fire",
                entityIDs: [instanceID.storageText, event.id.storageText, "contact:\(contact.id)"],
                sentence: "Fired event \(event.name) for \(contact.key): \(rowsText) (event instance \(instanceID.storageText)).")
            var changes: [WorkspaceChange] = written.isEmpty ? [] : [.rows(dataExtensionID: dataExtensionID, rowIDs: written)]
            if let rootRow { changes.append(rootRow) }
            let firstRow = written.first.map { FiredEvent.WrittenRow(dataExtensionID: dataExtensionID, rowID: $0) }
            return (FiredEvent(instanceID: instanceID, contact: contact, writtenRow: firstRow), line, changes)
        }
    }

    /// `events` (and the legacy `interaction-experimental` route): fires the trigger with this
    /// key for a contact. The data is checked against the trigger's event source; a row is
    /// inserted only when the source has none for the contact, and the contact enters either way.
    /// Returns at once; the engine decides the entry.
    @discardableResult
    public func fireAPIEvent(key: String, contact reference: ContactReference, data: [String: String]) throws -> FiredEvent {
        try fire(apiEventFiring(key: key, contact: reference, data: data))
    }

    /// `fireAPIEvent` for callers that suspend rather than block while the commit is made.
    @discardableResult
    public func fireAPIEvent(key: String, contact reference: ContactReference, data: [String: String]) async throws
        -> FiredEvent
    {
        try await fire(apiEventFiring(key: key, contact: reference, data: data))
    }

    private func apiEventFiring(key: String, contact reference: ContactReference, data: [String: String]) throws -> Firing {
        let now = clock()
        let instanceID = UUID.timeOrdered(at: now)
        // Checked and built before the commit when the trigger is known: the writer's thread,
        // which every firing shares, then only writes. A refusal here costs no commit.
        var early: APIEventWrite?
        if let (target, generation) = knownAPIEventTarget(key: key) {
            var write = try APIEventWrite(target: target, generation: generation, data: data, instanceID: instanceID, now: now)
            // A key sent that names another contact is refused in the commit, where the refusal
            // can name the contact's own key.
            if case .key(let key) = reference, !key.trimmingSpaces.isEmpty {
                try? write.prepareRow(forContactKey: key.trimmingSpaces)
            }
            early = write
        }
        return Firing(instanceID: instanceID, now: now) { [self] db, now in
            // The definitions it was checked against may have changed since: then again, here.
            let generation = definitionsGeneration.load(ordering: .acquiring)
            var write =
                try early.flatMap { $0.generation == generation ? $0 : nil }
                ?? APIEventWrite(
                    target: apiEventTarget(key: key, in: db), generation: generation, data: data, instanceID: instanceID,
                    now: now)
            let (target, definition, de) = (write.target, write.target.definition, write.target.source.definition)
            let contact = try existingOrNewContact(reference, now: now, in: db)
            try write.prepareRow(forContactKey: contact.key)
            var written: FiredEvent.WrittenRow?
            switch write.builtRow {
            case .success(let row) where target.hasPrimaryKey:
                // The primary key says whether the row is already there: then nothing is written.
                do {
                    let rowID = try insertEventRow(row, into: target.source, sql: target.rowInsertSQL, in: db)
                    written = FiredEvent.WrittenRow(dataExtensionID: de.id, rowID: rowID)
                } catch FireEventError.duplicatePrimaryKey {}
            default:
                // No primary key to tell, or a row that cannot be built: a contact that has its own
                // row (its key field holds the contact key) writes none; otherwise the row is
                // written, or its error refuses the event.
                if try RawStatement(target.contactRowSQL, in: db).run(.text(contact.key)) == nil {
                    let rowID = try insertEventRow(try write.row(), into: target.source, sql: target.rowInsertSQL, in: db)
                    written = FiredEvent.WrittenRow(dataExtensionID: de.id, rowID: rowID)
                }
            }
            // The row this event wrote is the contact's attributes for its entry filter and one
            // of the rows Update Contact Data changes for it (docs/update-contact-data.md).
            try QueuedEvent.enqueue(
                id: instanceID, source: .apiEvent, eventKey: definition.key, dataExtensionID: de.id, contactID: contact.id,
                lastRow: written?.rowID ?? 0, notBefore: now.addingTimeInterval(engine.settings.pace.hearingDelay), now: now,
                in: db)
            let what =
                written == nil
                ? "\(de.name) already has a row for \(contact.key), so the data was not written"
                : "added a row to \(de.name)"
            let line = JournalLine(
                entity: "event", action: "fire",
                entityIDs: [instanceID.storageText, definition.id.storageText, "contact:\(contact.id)"],
                sentence:
                    "Fired API event \(definition.name) for \(contact.key): \(what) (event instance \(instanceID.storageText)).")
            let changes: [WorkspaceChange] =
                written.map { [.rows(dataExtensionID: $0.dataExtensionID, rowIDs: [$0.rowID])] } ?? []
            return (FiredEvent(instanceID: instanceID, contact: contact, writtenRow: written), line, changes)
        }
    }

    /// What firing an API event reads of its definitions: the trigger, its event source and the
    /// field holding the contact key — read once, then again only after a write that may
    /// change them (the firing itself changes none).
    private func apiEventTarget(key: String, in db: Database) throws -> APIEventTarget {
        if let (known, _) = knownAPIEventTarget(key: key) { return known }
        let generation = definitionsGeneration.load(ordering: .acquiring)
        guard let definition = try ContactModelStore.eventDefinition(key: key, in: db) else {
            throw FireEventError.unknownEventKey(key)
        }
        let source = try StoredDataExtension.load(.id(definition.dataExtensionID), in: db)
        let keyField = source.definition.contactKeyField(in: try ContactModelStore.attributeGroups(in: db))
        let target = APIEventTarget(definition: definition, source: source, keyField: keyField)
        apiEventTargets.withLock { targets in
            if targets.generation != generation { targets = APIEventTargets(generation: generation) }
            targets.byKey[key] = target
        }
        return target
    }

    /// The target read for `key` since the definitions last changed, with their generation.
    private func knownAPIEventTarget(key: String) -> (APIEventTarget, UInt64)? {
        let generation = definitionsGeneration.load(ordering: .acquiring)
        return apiEventTargets.withLock { $0.generation == generation ? $0.byKey[key] : nil }.map { ($0, generation) }
    }

    /// Names the platform fills in an event data extension; callers' values for them are ignored.
    private static let platformFilled: Set<String> = ["eventinstanceid", "parenteventinstanceid", "contactkey"]

    /// A firing's writes, made at `now`: its outcome, journal line and changed rows.
    private struct Firing {
        let instanceID: UUID
        let now: Date
        let body: (Database, Date) throws -> (FiredEvent, JournalLine, [WorkspaceChange])

        var transaction: (Database) throws -> (FiredEvent, JournalEntry, [WorkspaceChange]) {
            { [body, now] db in
                let (fired, line, changes) = try body(db, now)
                return (fired, try JournalRecord.append(line, time: now, in: db), changes)
            }
        }
    }

    /// Runs a firing with its journal line — in a commit shared with the firings that arrive
    /// meanwhile, each whole or not at all — then tells subscribers and wakes the engine.
    private func fire(_ firing: Firing) throws -> FiredEvent {
        announce(try firingWriter.write(firing.transaction), of: firing)
    }

    private func fire(_ firing: Firing) async throws -> FiredEvent {
        announce(try await firingWriter.write(firing.transaction), of: firing)
    }

    private func announce(_ outcome: (FiredEvent, JournalEntry, [WorkspaceChange]), of firing: Firing) -> FiredEvent {
        let (fired, entry, changes) = outcome
        feed.publish([.journal(entry), .eventInstance(firing.instanceID)] + changes)
        engine.wake()
        return fired
    }

    /// Each data element names the event's data extension by `name` (required) and, if given, `id`.
    private func checkAddresses(of data: [ContactEventData], eventDataExtension: DataExtension, in db: Database) throws {
        for (index, element) in data.enumerated() {
            guard let name = element.name?.trimmingCharacters(in: .whitespaces), !name.isEmpty else {
                throw FireEventError.dataNameMissing(index: index)
            }
            let byName = try dataExtension(.name(name), in: db)
            if let key = element.externalKey?.trimmingCharacters(in: .whitespaces), !key.isEmpty {
                let byKey = try dataExtension(.externalKey(key), in: db)
                guard byKey.id == byName.id else {
                    throw FireEventError.dataNamesDifferentDataExtensions(externalKey: key, name: name)
                }
            }
            guard byName.id == eventDataExtension.id else {
                throw FireEventError.dataNotForEvent(dataExtension: byName.name, eventDataExtension: eventDataExtension.name)
            }
        }
    }

    private func dataExtension(_ reference: DataExtensionReference, in db: Database) throws -> DataExtension {
        do {
            return try StoredDataExtension.load(reference, in: db).definition
        } catch DefinitionError.dataExtensionNotFound {
            throw FireEventError.dataExtensionNotFound(reference)
        }
    }

    /// The contact a contact event is for: top-level key or ID, or a `ContactKey` value in the data.
    private func contactOfEvent(
        _ reference: ContactReference?, items: [[NameValue]], now: Date, in db: Database
    ) throws -> Contact {
        // Every item's ContactKey value must name the same contact (keys compare case-insensitively).
        let inData = items.flatMap { $0 }.filter { $0.name.caseInsensitiveCompare("ContactKey") == .orderedSame }
            .map { $0.value.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let contact: Contact
        switch reference {
        case .some(let reference): contact = try existingOrNewContact(reference, now: now, in: db)
        case nil:
            guard let first = inData.first else { throw FireEventError.contactMissing }
            contact = try existingOrNewContact(.key(first), now: now, in: db)
        }
        if let other = inData.first(where: { $0.caseInsensitiveCompare(contact.key) != .orderedSame }) {
            throw FireEventError.conflictingContactKeys(contact.key, other)
        }
        return contact
    }

    /// A contact by ID must exist; a new key becomes a contact, as the platform does on first sight.
    private func existingOrNewContact(_ reference: ContactReference, now: Date, in db: Database) throws -> Contact {
        switch reference {
        case .key(let key):
            let trimmed = key.trimmingSpaces
            guard !trimmed.isEmpty else { throw FireEventError.contactMissing }
            return try ContactModelStore.ensureContact(key: trimmed, now: now, in: db)
        case .id:
            guard let contact = try ContactModelStore.contact(reference, in: db) else {
                throw FireEventError.contactNotFound(reference)
            }
            return contact
        }
    }

    private func insertEventRow(
        _ row: [FieldValue], into stored: StoredDataExtension, sql: String? = nil, in db: Database
    ) throws -> Int64 {
        let de = stored.definition
        do {
            try stored.rowTable.inserter(in: db, sql: sql)(row)
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            let keyed = Dictionary(uniqueKeysWithValues: zip(de.fields.map(\.id), row))
            throw FireEventError.duplicatePrimaryKey(dataExtension: de.name, key: de.keyDescription(keyed))
        }
        firingWriter.rowCounts.add(1, to: de.id)
        return db.lastInsertedRowID
    }

    /// Fills the `eventinstanceid` field of the contact's row in the event destination's root.
    private func markRootRow(of event: ContactEvent, contact: Contact, instanceID: UUID, in db: Database) throws
        -> WorkspaceChange?
    {
        let groups = try ContactModelStore.attributeGroups(in: db)
        guard let root = groups.first(where: { $0.id == event.destinationGroupID })?.rootLink else { return nil }
        let stored = try StoredDataExtension.load(.id(root.dataExtensionID), in: db)
        guard let instanceField = stored.definition.field(named: ContactEvent.instanceFieldName),
            let keyField = stored.definition.fields.first(where: { $0.id == root.contactKeyFieldID })
        else { return nil }
        let rows = try db.cachedValues(
            Int64.self,
            sql: """
                UPDATE \(stored.tableName.quotedDatabaseIdentifier) SET \(stored.column(of: instanceField).quotedDatabaseIdentifier) = ?
                WHERE \(stored.column(of: keyField).quotedDatabaseIdentifier) = ? RETURNING _row
                """,
            arguments: [instanceID.storageText, contact.key])
        return rows.isEmpty ? nil : .rows(dataExtensionID: stored.definition.id, rowIDs: rows)
    }
}
