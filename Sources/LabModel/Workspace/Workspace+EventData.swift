import Foundation
import GRDB

/// An event's data checked against the data extension it is written to, and the row built from
/// it: what a firing checks before its commit, so that the commit only writes.
extension Workspace {
    /// An API event's data checked against its trigger's event source, and the row it writes
    /// there for its contact.
    struct APIEventWrite {
        let target: APIEventTarget
        /// The generation of the definitions `target` was read from.
        let generation: UInt64
        private let values: [String: String]
        /// The caller's values as a row: the row written when the platform adds nothing to them.
        private let callerRow: [FieldValue]
        private let instanceID: UUID
        private let now: Date
        /// The row for one contact key. It may be built before the contact is read, so a row
        /// that cannot be built is kept as its error: a contact that already has a row writes none.
        private var prepared: (contactKey: String, row: Result<[FieldValue], FireEventError>)?

        init(target: APIEventTarget, generation: UInt64, data: [String: String], instanceID: UUID, now: Date) throws {
            let de = target.source.definition
            guard target.keyField != nil else { throw FireEventError.sourceHasNoContactKey(dataExtension: de.name) }
            // `eventInstanceId` is reserved: the platform logs its own.
            values = data.filter { !$0.key.equalsIgnoringCase("eventInstanceId") }
            callerRow = try Workspace.checkEventData(values, for: de, reading: target.callerInput, now: now)
            (self.target, self.generation, self.instanceID, self.now) = (target, generation, instanceID, now)
        }

        /// Checks that a `ContactKey` value the caller sent names this contact, and builds its row.
        /// The contact is the event's top-level key; the row is written as sent — its key field
        /// may hold another identifier (an SDK sends a CRM id as the contact key and the row's
        /// email address), and only when the data leaves the key field empty does it get the
        /// contact key.
        mutating func prepareRow(forContactKey contactKey: String) throws {
            guard prepared?.contactKey != contactKey, let keyField = target.keyField else { return }
            var values = values
            if let sent = values.first(where: { $0.key.equalsIgnoringCase("ContactKey") }), !sent.value.isEmpty,
                !sent.value.equalsIgnoringCase(contactKey)
            {
                throw FireEventError.conflictingContactKeys(contactKey, sent.value)
            }
            if let sent = values.first(where: { $0.key.equalsIgnoringCase(keyField.name) }), !sent.value.isEmpty {
                if target.instanceField == nil {
                    prepared = (contactKey, .success(callerRow))
                    return
                }
            } else {
                values[keyField.name] = contactKey
            }
            if let instanceField = target.instanceField { values[instanceField.name] = instanceID.storageText }
            let (input, now) = (target.rowInput, now)
            prepared = (
                contactKey,
                Result { () throws(FireEventError) in try Workspace.eventRecord(values, reading: input, now: now) }
            )
        }

        /// The row `prepareRow` built, or why it could not be built.
        var builtRow: Result<[FieldValue], FireEventError> {
            guard let prepared else { preconditionFailure("prepareRow(forContactKey:) comes first") }
            return prepared.row
        }

        func row() throws -> [FieldValue] { try builtRow.get() }
    }

    /// Checks event data against the data extension: every missing required field named at
    /// once (lower-cased, as Marketing Cloud reports them), then each value's type.
    /// Returns the caller's values as a new row.
    static func checkEventData(
        _ values: [String: String], for de: DataExtension, reading input: RecordInput, now: Date
    ) throws -> [FieldValue] {
        let given = Set(values.filter { !$0.value.isEmpty }.keys.map { $0.lowercased() })
        let missing = de.fields.filter { field in
            field.isRequired && !field.isSystem && field.defaultValue == nil && !given.contains(field.name.lowercased())
        }
        guard missing.isEmpty else { throw FireEventError.missingRequiredFields(missing.map { $0.name.lowercased() }) }
        return try eventRecord(values, reading: input, now: now)
    }

    /// A new row of an event data extension from its values by field name.
    static func eventRecord(_ values: [String: String], reading input: RecordInput, now: Date) throws(FireEventError)
        -> [FieldValue]
    {
        do {
            return try input.newRecord(from: values, now: now)
        } catch {
            throw eventError(error)
        }
    }

    static func eventError(_ error: RecordError) -> FireEventError {
        switch error {
        case .invalidValue(let field, let value, .required) where value.isEmpty:
            .missingRequiredFields([field.lowercased()])
        case .invalidValue(let field, let value, let problem): .invalidValue(field: field, value: value, problem: problem)
        case .unknownField(let dataExtension, let field): .unknownField(dataExtension: dataExtension, field: field)
        default: .invalidRecord(error)
        }
    }
}
