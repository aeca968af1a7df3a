import GRDB

extension WorkspaceReading {
    /// Whether reading `reference` in `sort`'s order would first build the sort field's index —
    /// seconds on a big table, so a screen builds it in the background (`buildSortIndex`) and
    /// keeps answering keys. False where this process cannot build indexes (it reads by scan).
    public func sortNeedsIndex(_ reference: DataExtensionReference, _ sort: RecordSort?) throws -> Bool {
        guard storage.indexBuilder != nil, sort != nil else { return false }
        return try database.read { db in
            let stored = try StoredDataExtension.load(reference, in: db)
            guard let field = try stored.sortField(for: sort) else { return false }
            return try !stored.rowTable.hasSortIndex(for: field, in: db)
        }
    }
}

extension Workspace {
    /// Builds the index that reads in `sort`'s order walk, if it is missing: once per field.
    /// Reads go on meanwhile (the pool's readers do not wait for the writer).
    public func buildSortIndex(_ reference: DataExtensionReference, for sort: RecordSort) throws {
        try pool.write { db in
            let stored = try StoredDataExtension.load(reference, in: db)
            if let field = try stored.sortField(for: sort) { _ = try stored.rowTable.createSortIndex(for: field, in: db) }
        }
    }
}
