extension StyledLine {
    /// Word-wraps styled text to lines of at most `width` columns, like `TextFitting.wrap`:
    /// broken at whitespace, inside a word only when the word alone is too wide. Runs of
    /// whitespace collapse to one space, which keeps the style of the whitespace it replaces
    /// (an underlined phrase stays underlined across its spaces).
    /// - Returns: at least one line (empty text gives one empty line); none when `width` < 1.
    public static func wrapping(_ spans: [StyledSpan], to width: Int) -> [StyledLine] {
        guard width > 0 else { return [] }
        var lines: [StyledLine] = []
        var line = StyledLine()
        for word in words(in: spans) {
            var text = word.text
            let gap = line.isEmpty ? 0 : 1
            if line.width + gap + text.width <= width {
                if gap == 1 { line.append(" ", style: word.gapStyle) }
                line.append(text)
                continue
            }
            if !line.isEmpty {
                lines.append(line)
                line = StyledLine()
            }
            while text.width > width {
                let (head, rest) = text.split(atWidth: width)
                lines.append(head)
                text = rest
            }
            line = text
        }
        lines.append(line)
        return lines
    }

    private struct Word {
        var text = StyledLine()
        var gapStyle = Style.normal
    }

    private static func words(in spans: [StyledSpan]) -> [Word] {
        var words: [Word] = []
        var word = Word()
        var gapStyle: Style?
        for span in spans {
            for character in span.text {
                if character.isWhitespace {
                    if gapStyle == nil { gapStyle = span.style }
                    continue
                }
                if let style = gapStyle, !word.text.isEmpty {
                    words.append(word)
                    word = Word(gapStyle: style)
                }
                gapStyle = nil
                word.text.append(String(character), style: span.style)
            }
        }
        if !word.text.isEmpty { words.append(word) }
        return words
    }
}
