import Foundation
import GRDB

extension Workspace {
    /// Adds one record; defaults fill the fields not given.
    @discardableResult
    public func addRecord(to reference: DataExtensionReference, values: [String: String]) throws -> Record {
        try perform { db in
            let stored = try StoredDataExtension.load(reference, in: db)
            let de = stored.definition
            let row = try RecordInput(dataExtension: de).newRecord(from: values, now: clock())
            let rowID = try insert([row], into: stored, in: db)
            let record = try stored.rowTable.record(rowID: rowID, in: db)!
            let line = JournalLine(
                entity: "record", action: "insert", entityIDs: [de.id.storageText, "row:\(rowID)"],
                sentence: "Added a record to \(de.name): \(de.recordName(record.values, rowID: rowID)).")
            return (record, line)
        }
    }

    /// Adds many records in one transaction: all of them, or none when any is invalid.
    /// - Returns: the number added.
    @discardableResult
    public func addRecords(to reference: DataExtensionReference, rows: [[String: String]]) throws -> Int {
        try perform { db in
            let stored = try StoredDataExtension.load(reference, in: db)
            let de = stored.definition
            let input = RecordInput(dataExtension: de)
            let now = clock()
            var checked: [[FieldValue]] = []
            checked.reserveCapacity(rows.count)
            for row in rows { checked.append(try input.newRecord(from: row, now: now)) }
            try insert(checked, into: stored, in: db)
            let line = JournalLine(
                entity: "record", action: "insert", entityIDs: [de.id.storageText],
                sentence: "Added \(rows.count) record\(rows.count == 1 ? "" : "s") to \(de.name).")
            return (rows.count, line)
        }
    }

    /// Inserts the record, or changes the given fields of the record with the same primary key.
    public func upsertRecord(in reference: DataExtensionReference, values: [String: String]) throws -> UpsertResult {
        try perform { db in
            let stored = try StoredDataExtension.load(reference, in: db)
            let de = stored.definition
            let result = try upsert(values, into: stored, in: db)
            let rowID = result.record.rowID
            let line = JournalLine(
                entity: "record", action: result.wasInserted ? "insert" : "update",
                entityIDs: [de.id.storageText, "row:\(rowID)"],
                sentence:
                    "\(result.wasInserted ? "Added" : "Updated") a record in \(de.name) by key: \(de.recordName(result.record.values, rowID: rowID))."
            )
            return (result, line)
        }
    }

    /// Upserts every row in one transaction: all of them, or none when any is refused.
    /// - Throws: `RecordBatchError` naming the row (from 0) and why.
    @discardableResult
    public func upsertRecords(in reference: DataExtensionReference, rows: [[String: String]]) throws -> [UpsertResult] {
        try perform { db in
            let stored = try StoredDataExtension.load(reference, in: db)
            let de = stored.definition
            var results: [UpsertResult] = []
            for (index, values) in rows.enumerated() {
                do {
                    results.append(try upsert(values, into: stored, in: db))
                } catch let error as RecordError {
                    throw RecordBatchError(row: index, error: error)
                }
            }
            let added = results.filter(\.wasInserted).count
            let line = JournalLine(
                entity: "record", action: "upsert", entityIDs: [de.id.storageText] + results.map { "row:\($0.record.rowID)" },
                sentence:
                    "Upserted \(rows.count) record\(rows.count == 1 ? "" : "s") in \(de.name) by key: \(added) added, \(rows.count - added) updated."
            )
            return (results, line)
        }
    }

    private func upsert(_ values: [String: String], into stored: StoredDataExtension, in db: Database) throws -> UpsertResult {
        let de = stored.definition
        let input = RecordInput(dataExtension: de)
        guard !de.primaryKey.isEmpty else { throw RecordError.noPrimaryKey(dataExtension: de.name) }
        let changes = try input.changes(from: values)
        let missingKeys = de.primaryKey.filter { (changes[$0.id] ?? .null).isNull }
        guard missingKeys.isEmpty else {
            throw RecordError.missingPrimaryKey(dataExtension: de.name, fields: de.primaryKey.map(\.name))
        }
        let table = stored.rowTable
        let existing = try table.rowID(forKey: changes, in: db)
        let rowID: Int64
        if let existing {
            try table.update(rowID: existing, setting: changes, in: db)
            rowID = existing
        } else {
            rowID = try insert([try input.newRecord(from: values, now: clock())], into: stored, in: db)
        }
        return UpsertResult(record: try table.record(rowID: rowID, in: db)!, wasInserted: existing == nil)
    }

    /// Changes the given fields of one record.
    @discardableResult
    public func editRecord(in reference: DataExtensionReference, rowID: Int64, values: [String: String]) throws -> Record {
        try perform { db in
            let stored = try StoredDataExtension.load(reference, in: db)
            let de = stored.definition
            let table = stored.rowTable
            guard try table.record(rowID: rowID, in: db) != nil else {
                throw RecordError.recordNotFound(dataExtension: de.name, rowID: rowID)
            }
            let changes = try RecordInput(dataExtension: de).changes(from: values)
            do {
                try table.update(rowID: rowID, setting: changes, in: db)
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
                throw RecordError.duplicatePrimaryKey(dataExtension: de.name, key: de.keyDescription(changes))
            }
            let record = try table.record(rowID: rowID, in: db)!
            let changedNames = de.fields.filter { changes[$0.id] != nil }.map { "\($0.name) = \(record[$0].displayText)" }
            let line = JournalLine(
                entity: "record", action: "update", entityIDs: [de.id.storageText, "row:\(rowID)"],
                sentence:
                    "Edited \(de.recordName(record.values, rowID: rowID)) in \(de.name): \(changedNames.joined(separator: ", "))."
            )
            return (record, line)
        }
    }

    /// Deletes records by row id. - Returns: how many were deleted.
    @discardableResult
    public func deleteRecords(in reference: DataExtensionReference, rowIDs: [Int64]) throws -> Int {
        try perform { db in
            let stored = try StoredDataExtension.load(reference, in: db)
            let de = stored.definition
            let rowIDs = Array(Set(rowIDs)).sorted()
            var names: [String] = []
            for rowID in rowIDs.prefix(3) {
                guard let record = try stored.rowTable.record(rowID: rowID, in: db) else {
                    throw RecordError.recordNotFound(dataExtension: de.name, rowID: rowID)
                }
                names.append(de.recordName(record.values, rowID: rowID))
            }
            let deleted = try stored.rowTable.delete(rowIDs: Set(rowIDs), in: db)
            guard deleted == rowIDs.count else {
                throw RecordError.recordNotFound(dataExtension: de.name, rowID: rowIDs.last ?? 0)
            }
            let what = deleted == 1 ? "record \(names[0])" : "\(deleted) records"
            let line = JournalLine(
                entity: "record", action: "delete", entityIDs: [de.id.storageText] + rowIDs.map { "row:\($0)" },
                sentence: "Deleted \(what) from \(de.name).")
            return (deleted, line)
        }
    }

    /// Inserts checked rows, naming the key of the first one that duplicates another.
    /// - Returns: the row id of the last row inserted.
    @discardableResult
    private func insert(_ rows: [[FieldValue]], into stored: StoredDataExtension, in db: Database) throws -> Int64 {
        let insertRow = try stored.rowTable.inserter(in: db)
        var inserted = 0
        for row in rows {
            do {
                try insertRow(row)
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
                let de = stored.definition
                let values = Dictionary(uniqueKeysWithValues: zip(de.fields.map(\.id), row))
                throw RecordError.duplicatePrimaryKey(dataExtension: de.name, key: de.keyDescription(values))
            }
            inserted += 1
        }
        try stored.rowTable.adjustRowCount(by: inserted, in: db)
        return db.lastInsertedRowID
    }
}

/// What an upsert did.
public struct UpsertResult: Sendable, Hashable {
    public let record: Record
    public let wasInserted: Bool
}

/// A row of a batch was refused; nothing of the batch was written.
public struct RecordBatchError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The refused row's position in the batch, from 0.
    public let row: Int
    public let error: RecordError

    public var description: String { "Row \(row + 1): \(error)" }
}
