import Foundation

/// What a view of a data extension's rows asks for: the order and the filter, as one value, so
/// a count and a window read with the same value agree on which rows they mean.
public struct RecordQuery: Sendable, Hashable {
    /// Row order (as added) when nil.
    public var sort: RecordSort?
    /// Every row when nil.
    public var filter: RecordCondition?

    public init(sort: RecordSort? = nil, filter: RecordCondition? = nil) {
        self.sort = sort
        self.filter = filter
    }
}

/// A filter as a person typed it, in either readable syntax (`ReadableFilterSyntax`), with the
/// tree it reads as: the view shows the text, the workspace runs the tree.
public struct RecordCondition: Sendable, Hashable {
    /// As typed: `Updated eq 'True'` or `Updated is True`.
    public let text: String
    public let filter: Filter

    /// - Throws: `FilterSyntaxError` saying what is not valid.
    public init(parsing text: String) throws(FilterSyntaxError) {
        self.text = text.trimmingCharacters(in: .whitespaces)
        filter = try ReadableFilterSyntax.parse(text)
    }
}

extension WorkspaceReading {
    /// How many rows `query` selects: the kept row count without a filter, else a count.
    public func rowCount(of reference: DataExtensionReference, matching query: RecordQuery) throws -> Int {
        try rowCount(of: reference, matching: query.filter?.filter)
    }

    /// Rows `offset..<offset+limit` of `query`. Walks the rows before `offset`: for windows
    /// near the start and for jumps.
    public func records(of reference: DataExtensionReference, offset: Int, limit: Int, query: RecordQuery) throws
        -> [Record]
    {
        try records(of: reference, offset: offset, limit: limit, sortedBy: query.sort, matching: query.filter?.filter)
    }

    /// Up to `limit` rows of `query` after `cursor` (from the first when nil): an index walk of
    /// `limit` rows however deep the cursor is.
    public func records(of reference: DataExtensionReference, after cursor: RecordCursor?, limit: Int, query: RecordQuery)
        throws -> [Record]
    {
        try rows(of: reference, after: cursor, limit: limit, sortedBy: query.sort, matching: query.filter?.filter).records
    }

    /// Up to `limit` rows of `query` just before `cursor` (the last ones when nil), in order.
    public func records(of reference: DataExtensionReference, before cursor: RecordCursor?, limit: Int, query: RecordQuery)
        throws -> [Record]
    {
        try rows(of: reference, before: cursor, limit: limit, sortedBy: query.sort, matching: query.filter?.filter).records
    }
}
