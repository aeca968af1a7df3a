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
        sortedBy sort: RecordSort? = nil, matching filter: RecordFilter? = nil
    ) throws -> RecordPage {
        try page(of: reference, from: cursor, direction: .forward, limit: limit, sort: sort, filter: filter)
    }

    /// One page of records before `cursor` (the last page when nil), in the sort's order.
    public func rows(
        of reference: DataExtensionReference, before cursor: RecordCursor?, limit: Int = 50,
        sortedBy sort: RecordSort? = nil, matching filter: RecordFilter? = nil
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
        sort: RecordSort?, filter: RecordFilter?
    ) throws -> RecordPage {
        if let page = try readPage(of: reference, from: cursor, direction: direction, limit: limit, sort: sort, filter: filter) {
            return page
        }
        try buildSortIndex(of: reference, for: sort)
        return try readPage(
            of: reference, from: cursor, direction: direction, limit: limit, sort: sort, filter: filter, indexMayBeMissing: true)!
    }

    /// The owner builds a missing sort index once, outside any read (at a million rows it takes
    /// a second or two), so every later page by that field is an index walk.
    func buildSortIndex(of reference: DataExtensionReference, for sort: RecordSort?) throws {
        try storage.indexBuilder?.write { db in
            let stored = try StoredDataExtension.load(reference, in: db)
            if let sort, let field = stored.definition.field(named: sort.fieldName) {
                try stored.rowTable.createSortIndex(for: field, in: db)
            }
        }
    }

    /// Builds the sort index when the owner can and it is missing (checked in a read first).
    func ensureSortIndex(of reference: DataExtensionReference, for sort: RecordSort?) throws {
        guard let sort, storage.indexBuilder != nil else { return }
        let missing = try database.read { db in
            let stored = try StoredDataExtension.load(reference, in: db)
            guard let field = stored.definition.field(named: sort.fieldName) else { return false }
            return try !stored.rowTable.hasSortIndex(for: field, in: db)
        }
        if missing { try buildSortIndex(of: reference, for: sort) }
    }

    /// nil when the page should wait for a sort index the owner can build.
    private func readPage(
        of reference: DataExtensionReference, from cursor: RecordCursor?, direction: PageDirection, limit: Int,
        sort: RecordSort?, filter: RecordFilter?, indexMayBeMissing: Bool = false
    ) throws -> RecordPage? {
        try database.read { db in
            let stored = try StoredDataExtension.load(reference, in: db)
            var sortField: Field?
            if let sort {
                guard let field = stored.definition.field(named: sort.fieldName) else {
                    throw RecordError.unknownField(dataExtension: stored.definition.name, field: sort.fieldName)
                }
                sortField = field
            }
            let table = stored.rowTable
            if let sortField, storage.indexBuilder != nil, !indexMayBeMissing, try !table.hasSortIndex(for: sortField, in: db) {
                return nil
            }
            let query = RowQuery(
                table: table, sortField: sortField, ascending: sort?.ascending ?? true,
                filter: try filter.map { try FilterSQL(table: table).condition(for: $0) })
            return try query.page(from: cursor, direction: direction, limit: min(max(1, limit), 10_000), in: db)
        }
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
