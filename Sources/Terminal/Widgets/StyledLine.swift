/// A run of text in one style.
public struct StyledSpan: Sendable, Hashable {
    public var text: String
    public var style: Style

    public init(_ text: String, style: Style = .normal) {
        self.text = text
        self.style = style
    }
}

/// One line of text whose parts differ in style, measured in display columns.
public struct StyledLine: Sendable, Hashable, CustomStringConvertible {
    /// Adjacent spans never share a style: appending merges them, so equal lines compare equal.
    public private(set) var spans: [StyledSpan]

    public init(_ spans: [StyledSpan] = []) {
        self.spans = []
        for span in spans { append(span.text, style: span.style) }
    }

    public init(_ text: String, style: Style = .normal) {
        self.init([StyledSpan(text, style: style)])
    }

    public var text: String { spans.map(\.text).joined() }
    public var width: Int { spans.reduce(0) { $0 + TextWidth.of($1.text) } }
    public var isEmpty: Bool { spans.isEmpty }
    public var description: String { text }

    public mutating func append(_ text: String, style: Style = .normal) {
        guard !text.isEmpty else { return }
        if let last = spans.last, last.style == style {
            spans[spans.count - 1].text += text
        } else {
            spans.append(StyledSpan(text, style: style))
        }
    }

    public mutating func append(_ line: StyledLine) {
        for span in line.spans { append(span.text, style: span.style) }
    }

    public static func + (lhs: StyledLine, rhs: StyledLine) -> StyledLine {
        var result = lhs
        result.append(rhs)
        return result
    }

    /// At most `width` columns, ending in "…" (in the style of the first character cut) when
    /// anything was cut.
    public func truncated(to width: Int) -> StyledLine {
        guard width > 0 else { return StyledLine() }
        guard self.width > width else { return self }
        var result = StyledLine()
        var used = 0
        for (character, style) in characters {
            let size = TextWidth.of(character)
            if used + size > width - 1 {
                result.append(String(TextFitting.ellipsis), style: style)
                break
            }
            result.append(String(character), style: style)
            used += size
        }
        return result
    }

    /// The first `width` columns and the rest. A character wider than `width` goes into the
    /// head alone, so splitting always makes progress.
    func split(atWidth width: Int) -> (head: StyledLine, rest: StyledLine) {
        var head = StyledLine()
        var rest = StyledLine()
        var used = 0
        for (character, style) in characters {
            let size = TextWidth.of(character)
            if rest.isEmpty && (used + size <= width || head.isEmpty) {
                head.append(String(character), style: style)
                used += size
            } else {
                rest.append(String(character), style: style)
            }
        }
        return (head, rest)
    }

    var characters: [(Character, Style)] {
        spans.flatMap { span in span.text.map { ($0, span.style) } }
    }
}

extension Buffer {
    /// Writes each span of `line` in its own style from (x, y), clipped like `write(_:x:y:style:clip:)`.
    /// - Returns: the columns written.
    @discardableResult
    public mutating func write(_ line: StyledLine, x: Int, y: Int, clip: Rect? = nil) -> Int {
        var column = x
        var written = 0
        for span in line.spans {
            written += write(span.text, x: column, y: y, style: span.style, clip: clip)
            column += TextWidth.of(span.text)
        }
        return written
    }
}
