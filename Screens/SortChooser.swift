import LabModel
import Terminal

/// Choosing the column the records are sorted by from a list. Picking it directly matters on
/// a big table: the first sort by a column builds its index, and cycling through the columns
/// on the way to the wanted one would build every index before it.
struct SortChooser {
    static let rowOrder = "Row order (as added)"

    let fieldNames: [String]
    var list: ListState
    private let current: Int?
    private let ascending: Bool

    enum Outcome: Equatable {
        /// nil: row order.
        case sort(column: Int?, ascending: Bool)
        case cancel
    }

    init(fields: [Field], current: Int?, ascending: Bool) {
        fieldNames = fields.map(\.name)
        self.current = current
        self.ascending = ascending
        list = ListState(selected: (current ?? -1) + 1)
    }

    var items: [String] {
        [Self.rowOrder]
            + fieldNames.enumerated().map { index, name in
                index == current ? "\(name)  \(ascending ? "▲" : "▼") (again: \(ascending ? "▼" : "▲"))" : name
            }
    }

    mutating func handle(_ key: Key) -> Outcome? {
        switch AppKeys.sortChooser.action(for: key) {
        case .choose:
            let column = (list.selected ?? 0) - 1
            guard column >= 0 else { return .sort(column: nil, ascending: true) }
            return .sort(column: column, ascending: column == current ? !ascending : true)
        case .cancel: return .cancel
        case nil:
            _ = list.handle(key, itemCount: items.count, visibleHeight: items.count)
            return nil
        }
    }

    func render(into buffer: inout Buffer, area: Rect) {
        let lines = items
        let footer = AppKeys.sortChooser.footer(.choose, .cancel)
        let width = min(area.width, max(30, TextWidth.of(footer) + 4, (lines.map(TextWidth.of).max() ?? 0) + 4))
        let box = area.centered(width: width, height: min(area.height, lines.count + 3))
        let frame = Frame(title: "Sort by", focused: true)
        frame.render(into: &buffer, area: box)
        let inner = frame.inner(box)
        buffer.fill(inner)
        ListView(items: lines, state: list).render(
            into: &buffer, area: Rect(x: inner.x, y: inner.y, width: inner.width, height: max(0, inner.height - 1)))
        buffer.write(
            TextFitting.truncate(footer, to: inner.width), x: inner.x, y: inner.maxY - 1, style: Style(.hint), clip: inner)
    }
}
