/// Where a list is: the selected item and the first item shown.
public struct ListState: Sendable, Hashable {
    public var selected: Int?
    /// The index of the item in the top row.
    public var offset: Int

    public init(selected: Int? = nil, offset: Int = 0) {
        self.selected = selected
        self.offset = offset
    }

    /// Moves the selection for ↑/↓ and k/j (one item), PgUp/PgDn (one screen, the selection
    /// keeping its row), Home/End and g/G (first, last), and scrolls so the selection stays in
    /// view. With nothing selected, a move selects the top item in view.
    /// - Returns: whether `key` is one of these keys (true even when already at the end).
    public mutating func handle(_ key: Key, itemCount: Int, visibleHeight: Int) -> Bool {
        let page = max(1, visibleHeight)
        let target: Int
        guard let action = WidgetKeys.list.action(for: key) else { return false }
        switch action {
        case .up: target = selected.map { $0 - 1 } ?? offset
        case .down: target = selected.map { $0 + 1 } ?? offset
        case .pageUp:
            target = selected.map { $0 - page } ?? offset
            if selected != nil { offset -= page }
        case .pageDown:
            target = selected.map { $0 + page } ?? offset
            if selected != nil { offset += page }
        case .first: target = 0
        case .last: target = itemCount - 1
        }
        select(target, itemCount: itemCount, visibleHeight: visibleHeight)
        return true
    }

    /// Selects `index` (clamped to the items) and scrolls it into view.
    public mutating func select(_ index: Int?, itemCount: Int, visibleHeight: Int) {
        selected = index
        clamp(itemCount: itemCount, visibleHeight: visibleHeight)
    }

    /// Scrolls without moving the selection (the mouse wheel), as far as the items go.
    public mutating func scroll(by rows: Int, itemCount: Int, visibleHeight: Int) {
        offset = Self.clampedOffset(offset + rows, itemCount: itemCount, visibleHeight: visibleHeight)
    }

    /// Brings the state back into range after the items changed, and the selection into view.
    public mutating func clamp(itemCount: Int, visibleHeight: Int) {
        if let index = selected {
            selected = itemCount > 0 ? min(max(0, index), itemCount - 1) : nil
        }
        if let index = selected, visibleHeight > 0 {
            if index < offset { offset = index }
            if index >= offset + visibleHeight { offset = index - visibleHeight + 1 }
        }
        offset = Self.clampedOffset(offset, itemCount: itemCount, visibleHeight: visibleHeight)
    }

    /// Never past the point where the last item sits in the bottom row.
    static func clampedOffset(_ offset: Int, itemCount: Int, visibleHeight: Int) -> Int {
        min(max(0, offset), max(0, itemCount - max(0, visibleHeight)))
    }
}

/// A column of one-line items; the selected one is highlighted across the full width.
public struct ListView: Sendable, Hashable {
    public var items: [String]
    public var state: ListState

    public init(items: [String], state: ListState) {
        self.items = items
        self.state = state
    }

    /// The item shown in row `y`, for clicks; nil outside the area or below the last item.
    public func index(atRow y: Int, in area: Rect) -> Int? {
        guard y >= area.y, y < area.maxY else { return nil }
        let index = topIndex(height: area.height) + y - area.y
        return index < items.count ? index : nil
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        let top = topIndex(height: area.height)
        for (row, index) in (top..<min(items.count, top + area.height)).enumerated() {
            let y = area.y + row
            let style = index == state.selected ? Style(.selected) : Style(.normal)
            if index == state.selected { buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: style) }
            buffer.write(TextFitting.truncate(items[index], to: area.width), x: area.x, y: y, style: style, clip: area)
        }
    }

    /// The state's offset, kept within the items even if they shrank since it was set.
    private func topIndex(height: Int) -> Int {
        ListState.clampedOffset(state.offset, itemCount: items.count, visibleHeight: height)
    }
}
