import Foundation
import GRDB

/// What can be read from a workspace, whether this process owns it or only looks at it.
public protocol WorkspaceReading: Sendable {
    var path: String { get }
    /// Where reads go; opaque outside LabModel.
    var storage: WorkspaceStorage { get }
}

/// The database a workspace reads from.
public struct WorkspaceStorage: Sendable {
    let reader: any DatabaseReader
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
        try dataExtension(reference).rowCount
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
            let query = RowQuery(
                table: table, sortField: sortField, ascending: sort?.ascending ?? true,
                filter: try filter.map { try FilterSQL(table: table).condition(for: $0) })
            return try query.page(from: cursor, direction: direction, limit: max(1, limit), in: db)
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
        storage = WorkspaceStorage(reader: try DatabaseQueue(path: path, configuration: configuration))
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
