/// Text laid out to a width: Markdown lessons (see `Markdown`) or plain text, word-wrapped
/// by display width, drawn with a vertical scroll offset.
public struct Paragraph: Sendable, Hashable {
    private enum Content: Sendable, Hashable {
        case markdown([MarkdownBlock])
        case plain(String, Style)
    }

    private let content: Content

    public init(markdown: String) {
        content = .markdown(Markdown.blocks(markdown))
    }

    /// Plain text: its line breaks are kept, nothing is interpreted.
    public init(text: String, style: Style = .normal) {
        content = .plain(text, style)
    }

    static let headingStyle = Style(.title, bold: true)
    static let codeStyle = Style(.accent)
    static let codeIndent = 2

    /// The laid-out lines, none wider than `width`.
    public func lines(width: Int) -> [StyledLine] {
        guard width > 0 else { return [] }
        let lines: [StyledLine]
        switch content {
        case .plain(let text, let style):
            lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).flatMap { line in
                StyledLine.wrapping([StyledSpan(String(line), style: style)], to: width)
            }
        case .markdown(let blocks):
            lines = Self.layout(blocks, width: width)
        }
        // Only markers and indents wider than a tiny width can overflow; they are cut like code.
        return lines.map { $0.truncated(to: width) }
    }

    public func lineCount(width: Int) -> Int { lines(width: width).count }

    /// The largest useful scroll offset in `area`: the one that shows the last line at the bottom.
    public func maxScroll(in area: Rect) -> Int { max(0, lineCount(width: area.width) - area.height) }

    /// Draws the lines from `scroll` (clamped so the area stays as full as it can be).
    public func render(into buffer: inout Buffer, area: Rect, scroll: Int = 0) {
        guard !area.isEmpty else { return }
        let lines = lines(width: area.width)
        let top = min(max(0, scroll), max(0, lines.count - area.height))
        for (row, line) in lines.dropFirst(top).prefix(area.height).enumerated() {
            buffer.write(line, x: area.x, y: area.y + row, clip: area)
        }
    }

    private static func layout(_ blocks: [MarkdownBlock], width: Int) -> [StyledLine] {
        var output: [StyledLine] = []
        var breakPending = false
        func emit(_ lines: [StyledLine]) {
            if breakPending && !output.isEmpty { output.append(StyledLine()) }
            breakPending = false
            output += lines
        }
        for block in blocks {
            switch block {
            case .blank:
                breakPending = true
            case .heading(let text):
                breakPending = true
                emit(StyledLine.wrapping(Markdown.spans(text, base: headingStyle), to: width))
                breakPending = true
            case .paragraph(let text):
                emit(StyledLine.wrapping(Markdown.spans(text), to: width))
            case .listItem(let marker, let depth, let text):
                emit(listItem(marker: marker, depth: depth, text: text, width: width))
            case .code(let lines):
                emit(lines.map(codeLine))
            }
        }
        return output
    }

    /// The marker, then the text wrapped with a hanging indent so it lines up under itself.
    private static func listItem(marker: String, depth: Int, text: String, width: Int) -> [StyledLine] {
        let indent = String(repeating: " ", count: 2 * depth)
        let first = StyledLine(indent + marker + " ")
        let hanging = StyledLine(String(repeating: " ", count: first.width))
        let wrapped = StyledLine.wrapping(Markdown.spans(text), to: max(1, width - first.width))
        return wrapped.enumerated().map { index, line in (index == 0 ? first : hanging) + line }
    }

    private static func codeLine(_ text: String) -> StyledLine {
        // A tab has no width of its own on the grid.
        let text = text.replacingTabs()
        guard !text.isEmpty else { return StyledLine() }
        return StyledLine(String(repeating: " ", count: codeIndent)) + StyledLine(text, style: codeStyle)
    }
}

extension String {
    fileprivate func replacingTabs() -> String {
        String(flatMap { $0 == "\t" ? Array("    ") : [$0] })
    }
}
