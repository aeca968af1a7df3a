/// A row of titles, ` Data Extensions │ Journeys `, the selected one highlighted. When they do
/// not all fit, the row scrolls to keep the selected title in view and ‹ › mark hidden ones.
public struct Tabs: Sendable, Hashable {
    public var titles: [String]
    public var selected: Int

    public init(titles: [String], selected: Int) {
        self.titles = titles
        self.selected = selected
    }

    /// The tab under column `x`; a click on ‹ or › gives the hidden tab next to it.
    public func index(atColumn x: Int, in area: Rect) -> Int? {
        let column = x - area.x
        guard column >= 0, column < area.width, let layout = layout(width: area.width) else { return nil }
        if let tab = layout.tabs.first(where: { column >= $0.x && column < $0.x + $0.width }) { return tab.index }
        if layout.hasLeftMarker && column == 0 { return layout.tabs[0].index - 1 }
        if layout.hasRightMarker && column == area.width - 1 { return layout.tabs[layout.tabs.count - 1].index + 1 }
        return nil
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        guard area.height > 0, let layout = layout(width: area.width) else { return }
        let muted = Style(.muted)
        if layout.hasLeftMarker { buffer.write("‹", x: area.x, y: area.y, style: muted, clip: area) }
        if layout.hasRightMarker { buffer.write("›", x: area.maxX - 1, y: area.y, style: muted, clip: area) }
        for (position, tab) in layout.tabs.enumerated() {
            if position > 0 { buffer.write("│", x: area.x + tab.x - 1, y: area.y, style: muted, clip: area) }
            let style = tab.index == layout.selected ? Style(.selected) : muted
            buffer.write(" " + tab.title + " ", x: area.x + tab.x, y: area.y, style: style, clip: area)
        }
    }

    private struct PlacedTab {
        var index: Int
        var title: String
        /// Columns from the area's left edge.
        var x: Int
        var width: Int
    }

    private struct Placement {
        var selected: Int
        var tabs: [PlacedTab]
        var hasLeftMarker: Bool
        var hasRightMarker: Bool
    }

    /// The tabs in view: the first one chosen as early as still shows the selected tab, then as
    /// many after it as fit. A selected title too wide even alone is truncated.
    private func layout(width: Int) -> Placement? {
        guard !titles.isEmpty, width > 0 else { return nil }
        let selected = min(max(0, selected), titles.count - 1)
        let widths = titles.map { TextWidth.of($0) + 2 }
        func columns(_ first: Int, _ last: Int) -> Int {
            (first > 0 ? 1 : 0) + widths[first...last].reduce(0, +) + (last - first) + (last < titles.count - 1 ? 1 : 0)
        }
        var first = selected
        var last = selected
        if let earliest = (0...selected).first(where: { columns($0, selected) <= width }) {
            first = earliest
            while last + 1 < titles.count && columns(first, last + 1) <= width { last += 1 }
        }
        let hasLeftMarker = first > 0
        let hasRightMarker = last < titles.count - 1
        var x = hasLeftMarker ? 1 : 0
        var tabs: [PlacedTab] = []
        for index in first...last {
            // Only a lone selected tab can be too wide: its title gives way, not the markers.
            let room = width - x - (hasRightMarker ? 1 : 0) - 2
            let title = TextFitting.truncate(titles[index], to: max(0, room))
            tabs.append(PlacedTab(index: index, title: title, x: x, width: TextWidth.of(title) + 2))
            x += TextWidth.of(title) + 3
        }
        return Placement(selected: selected, tabs: tabs, hasLeftMarker: hasLeftMarker, hasRightMarker: hasRightMarker)
    }
}
