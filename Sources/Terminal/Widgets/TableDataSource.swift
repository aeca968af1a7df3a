/// Rows a table shows, fetched a window at a time: a table over a million rows asks only for
/// the rows on screen.
public protocol TableDataSource {
    var rowCount: Int { get }
    /// The rows at positions `range` (within `0..<rowCount`), in display order.
    func rows(in range: Range<Int>) -> [TableRow]
}

public struct TableRow: Sendable, Hashable {
    /// Stable across refreshes (a record's id), so selection and highlights follow the row.
    public var id: String
    public var cells: [String]
    /// When cells last changed, by column: recent changes are highlighted, then fade.
    public var changes: [Int: ContinuousClock.Instant]

    public init(id: String, cells: [String], changes: [Int: ContinuousClock.Instant] = [:]) {
        self.id = id
        self.cells = cells
        self.changes = changes
    }
}

public struct TableColumn: Sendable, Hashable {
    public enum Alignment: Sendable, Hashable { case left, right }

    public var title: String
    /// Never narrower than this while others can give way.
    public var minimumWidth: Int
    public var alignment: Alignment
    /// Narrowed before the others when space runs out (long ids nobody reads whole).
    public var givesWayFirst: Bool

    public init(_ title: String, minimumWidth: Int = 4, alignment: Alignment = .left, givesWayFirst: Bool = false) {
        self.title = title
        self.minimumWidth = minimumWidth
        self.alignment = alignment
        self.givesWayFirst = givesWayFirst
    }
}

/// A fixed list of rows, for small tables and tests.
public struct ArrayTableSource: TableDataSource {
    public let all: [TableRow]

    public init(_ rows: [TableRow]) { all = rows }

    public var rowCount: Int { all.count }
    public func rows(in range: Range<Int>) -> [TableRow] { Array(all[range.clamped(to: all.indices)]) }
}
