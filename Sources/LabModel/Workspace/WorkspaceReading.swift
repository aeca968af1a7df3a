import Foundation
import GRDB

/// What can be read from a workspace, whether this process owns it or only looks at it.
public protocol WorkspaceReading: Sendable {
    var path: String { get }
    /// Where reads go; opaque outside LabModel.
    var storage: WorkspaceStorage { get }
}

/// The database a workspace reads from, and, for the owner, the writer that builds sort indexes.
public struct WorkspaceStorage: Sendable {
    let reader: any DatabaseReader
    let indexBuilder: (any DatabaseWriter)?
}

extension WorkspaceReading {
    var database: any DatabaseReader { storage.reader }

    /// Every data extension, by name.
    public func dataExtensions() throws -> [DataExtension] {
        try database.read { try StoredDataExtension.loadAll(in: $0).map(\.definition) }
    }

    public func dataExtension(_ reference: DataExtensionReference) throws -> DataExtension {
        try database.read { try StoredDataExtension.load(reference, in: $0).definition }
    }

    /// The number of rows, kept current on every write (no table scan).
    public func rowCount(of reference: DataExtensionReference) throws -> Int {
        try database.read { try StoredDataExtension.rowCount(reference, in: $0) }
    }

    /// One page of records after `cursor` (from the start when nil), in the sort's order.
    public func rows(
        of reference: DataExtensionReference, after cursor: RecordCursor? = nil, limit: Int = 50,
        sortedBy sort: RecordSort? = nil, matching filter: Filter? = nil
    ) throws -> RecordPage {
        try page(of: reference, from: cursor, direction: .forward, limit: limit, sort: sort, filter: filter)
    }

    /// One page of records before `cursor` (the last page when nil), in the sort's order.
    public func rows(
        of reference: DataExtensionReference, before cursor: RecordCursor?, limit: Int = 50,
        sortedBy sort: RecordSort? = nil, matching filter: Filter? = nil
    ) throws -> RecordPage {
        try page(of: reference, from: cursor, direction: .backward, limit: limit, sort: sort, filter: filter)
    }

    public func record(in reference: DataExtensionReference, rowID: Int64) throws -> Record {
        try database.read { db in
            let stored = try StoredDataExtension.load(reference, in: db)
            guard let record = try stored.rowTable.record(rowID: rowID, in: db) else {
                throw RecordError.recordNotFound(dataExtension: stored.definition.name, rowID: rowID)
            }
            return record
        }
    }

    /// The newest journal entries, newest last.
    public func journal(last count: Int = 100) throws -> [JournalEntry] {
        try database.read { db in
            try JournalRecord.order(Column("id").desc).limit(count).fetchAll(db).reversed().map(\.entry)
        }
    }

    private func page(
        of reference: DataExtensionReference, from cursor: RecordCursor?, direction: PageDirection, limit: Int,
        sort: RecordSort?, filter: Filter?
    ) throws -> RecordPage {
        try readSorted(reference, by: sort) { db, stored in
            let table = stored.rowTable
            let query = RowQuery(
                table: table, sortField: try stored.sortField(for: sort), ascending: sort?.ascending ?? true,
                filter: try filter.map { try FilterCompiler(rowsOf: table).rowCondition(for: $0) })
            return try query.page(from: cursor, direction: direction, limit: min(max(1, limit), 10_000), in: db)
        }
    }

    /// Runs a read of a data extension's rows in `sort`'s order. When this process owns the
    /// workspace and the sort field has no index yet, the index is built first — once, outside
    /// any read (at a million rows it takes a second or two) — so every sorted read, by keyset
    /// or by offset, is an index walk rather than a sort of the whole table.
    func readSorted<Value: Sendable>(
        _ reference: DataExtensionReference, by sort: RecordSort?,
        _ read: (Database, StoredDataExtension) throws -> Value
    ) throws -> Value {
        func attempt(checkingIndex: Bool) throws -> Value? {
            try database.read { db in
                let stored = try StoredDataExtension.load(reference, in: db)
                if checkingIndex, storage.indexBuilder != nil, let field = try stored.sortField(for: sort),
                    try !stored.rowTable.hasSortIndex(for: field, in: db)
                {
                    return nil
                }
                return try read(db, stored)
            }
        }
        if let value = try attempt(checkingIndex: true) { return value }
        try storage.indexBuilder?.write { db in
            let stored = try StoredDataExtension.load(reference, in: db)
            if let field = try stored.sortField(for: sort) { try stored.rowTable.createSortIndex(for: field, in: db) }
        }
        return try attempt(checkingIndex: false)!
    }
}

extension StoredDataExtension {
    /// The field `sort` names; nil for row order. - Throws: `RecordError.unknownField`.
    func sortField(for sort: RecordSort?) throws -> Field? {
        guard let sort else { return nil }
        guard let field = definition.field(named: sort.fieldName) else {
            throw RecordError.unknownField(dataExtension: definition.name, field: sort.fieldName)
        }
        return field
    }
}

/// A workspace opened only to look, even while another process owns it (`journeylab status`).
public final class ReadOnlyWorkspace: WorkspaceReading, Sendable {
    public let path: String
    public let storage: WorkspaceStorage

    /// - Throws: `WorkspaceAccessError.notFound` when no workspace file exists at `path`.
    public init(path: String) throws {
        let path = WorkspaceLocation.absolute(path)
        guard FileManager.default.fileExists(atPath: path) else { throw WorkspaceAccessError.notFound(path: path) }
        self.path = path
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(5)
        storage = WorkspaceStorage(reader: try DatabaseQueue(path: path, configuration: configuration), indexBuilder: nil)
    }

    /// The process that owns the workspace now, if any.
    public var owner: WorkspaceOwner? { WorkspaceLock.currentOwner(ofWorkspace: path) }
}

extension Workspace {
    /// The process that owns a workspace file now, if any, without opening it.
    public static func currentOwner(ofWorkspaceAt path: String) -> WorkspaceOwner? {
        WorkspaceLock.currentOwner(ofWorkspace: WorkspaceLocation.absolute(path))
    }
}
