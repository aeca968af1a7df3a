/// One row of a data extension.
public struct Record: Sendable, Hashable {
    /// Stable for the row's life; the keyset that pages follow.
    public let rowID: Int64
    public var values: [Field.ID: FieldValue]

    public init(rowID: Int64, values: [Field.ID: FieldValue]) {
        self.rowID = rowID
        self.values = values
    }

    public subscript(field: Field) -> FieldValue { values[field.id] ?? .null }
}

/// How records are ordered: one field, ties broken by row id.
public struct RecordSort: Sendable, Hashable {
    public var fieldName: String
    public var ascending: Bool

    public init(_ fieldName: String, ascending: Bool = true) {
        self.fieldName = fieldName
        self.ascending = ascending
    }
}

/// Where a page starts: after (or before) this row in the query's order.
public struct RecordCursor: Sendable, Hashable {
    let sortValue: FieldValue?
    let rowID: Int64

    init(sortValue: FieldValue?, rowID: Int64) {
        self.sortValue = sortValue
        self.rowID = rowID
    }

    /// Where `record` stands in `sort`'s order (row order when nil), with the values it had
    /// when read: reading after it starts with the record that follows, before it ends with the
    /// one that precedes — wherever rows have been added or removed since.
    public init(at record: Record, sortedBy sort: RecordSort?, in dataExtension: DataExtension) {
        let field = sort.flatMap { dataExtension.field(named: $0.fieldName) }
        self.init(sortValue: field.map { record[$0] }, rowID: record.rowID)
    }

    /// Just ahead of `record`: reading after this starts with `record` itself (row ids are
    /// whole numbers, so one step back in the walk's direction is before it and after anything
    /// that was before it).
    public init(justBefore record: Record, sortedBy sort: RecordSort?, in dataExtension: DataExtension) {
        let field = sort.flatMap { dataExtension.field(named: $0.fieldName) }
        let step: Int64 = (sort?.ascending ?? true) ? -1 : 1
        self.init(sortValue: field.map { record[$0] }, rowID: record.rowID + step)
    }
}

/// A page of records and the cursors to the pages around it.
public struct RecordPage: Sendable, Hashable {
    public var records: [Record]
    /// Pass to read the following page; nil at the end.
    public var next: RecordCursor?
    /// Pass (backward) to read the page before; nil at the start.
    public var previous: RecordCursor?
}

public enum PageDirection: Sendable, Hashable {
    case forward
    case backward
}
