/// A terminal's size in character cells.
public struct TerminalSize: Sendable, Hashable, CustomStringConvertible {
    /// Below this the app shows a "terminal too small" screen instead of its layout.
    public static let minimum = TerminalSize(columns: 80, rows: 24)

    public var columns: Int
    public var rows: Int

    public init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }

    public func fits(_ other: TerminalSize) -> Bool { columns >= other.columns && rows >= other.rows }

    public var description: String { "\(columns)×\(rows)" }
}
