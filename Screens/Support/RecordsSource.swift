import LabModel

/// A data extension's rows as a paged source: counts and windows through the workspace's
/// reads, keyset cursors by the query's sort.
struct RecordsSource: PagedSource {
    let workspace: any WorkspaceReading
    let dataExtension: DataExtension

    private var reference: DataExtensionReference { .id(dataExtension.id) }

    func count(_ query: RecordQuery) throws -> Int { try workspace.rowCount(of: reference, matching: query) }

    func items(offset: Int, limit: Int, _ query: RecordQuery) throws -> [Record] {
        try workspace.records(of: reference, offset: offset, limit: limit, query: query)
    }

    func items(after cursor: RecordCursor?, limit: Int, _ query: RecordQuery) throws -> [Record] {
        try workspace.records(of: reference, after: cursor, limit: limit, query: query)
    }

    func items(before cursor: RecordCursor?, limit: Int, _ query: RecordQuery) throws -> [Record] {
        try workspace.records(of: reference, before: cursor, limit: limit, query: query)
    }

    func cursor(at item: Record, _ query: RecordQuery) -> RecordCursor {
        RecordCursor(at: item, sortedBy: query.sort, in: dataExtension)
    }

    func cursor(justBefore item: Record, _ query: RecordQuery) -> RecordCursor {
        RecordCursor(justBefore: item, sortedBy: query.sort, in: dataExtension)
    }
}
