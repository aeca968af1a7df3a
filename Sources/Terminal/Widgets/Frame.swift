/// A box in light line-drawing characters, with an optional title set into the top border.
/// Draws the border only: what is inside is left to the content (see `inner(_:)`).
public struct Frame: Sendable, Hashable {
    public var title: String?
    public var borderStyle: Style
    public var titleStyle: Style
    /// Draws the border in `.accent`, so the focused pane stands out.
    public var focused: Bool

    public init(
        title: String? = nil, focused: Bool = false, borderStyle: Style = Style(.muted),
        titleStyle: Style = Style(.title, bold: true)
    ) {
        self.title = title
        self.focused = focused
        self.borderStyle = borderStyle
        self.titleStyle = titleStyle
    }

    /// The rectangle inside the border.
    public func inner(_ area: Rect) -> Rect { area.inset(by: 1) }

    /// Draws nothing in an area smaller than 2×2, where no box fits.
    public func render(into buffer: inout Buffer, area: Rect) {
        guard area.width >= 2, area.height >= 2 else { return }
        let style = focused ? Style(.accent) : borderStyle
        let horizontal = String(repeating: "─", count: area.width - 2)
        buffer.write("┌" + horizontal + "┐", x: area.x, y: area.y, style: style, clip: area)
        buffer.write("└" + horizontal + "┘", x: area.x, y: area.maxY - 1, style: style, clip: area)
        for y in (area.y + 1)..<(area.maxY - 1) {
            buffer.write("│", x: area.x, y: y, style: style, clip: area)
            buffer.write("│", x: area.maxX - 1, y: y, style: style, clip: area)
        }
        // The title needs room for a character and a space either side.
        guard let title, !title.isEmpty, area.width - 2 >= 3 else { return }
        let fitted = " " + TextFitting.truncate(title, to: area.width - 4) + " "
        buffer.write(fitted, x: area.x + 1, y: area.y, style: titleStyle, clip: area)
    }
}
