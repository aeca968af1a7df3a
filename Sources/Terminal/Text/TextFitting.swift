/// Fitting text into columns: truncation with an ellipsis and word wrapping, by display width.
public enum TextFitting {
    public static let ellipsis: Character = "…"

    /// `text` cut to at most `width` columns, ending in "…" when anything was cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        guard TextWidth.of(text) > width else { return text }
        var result = ""
        var used = 0
        for character in text {
            let size = TextWidth.of(character)
            if used + size > width - 1 { break }
            result.append(character)
            used += size
        }
        return result + String(ellipsis)
    }

    /// `text` padded with spaces (or truncated) to exactly `width` columns.
    public static func pad(_ text: String, to width: Int) -> String {
        let fitted = truncate(text, to: width)
        return fitted + String(repeating: " ", count: max(0, width - TextWidth.of(fitted)))
    }

    /// Lines of at most `width` columns, broken at spaces where possible and inside words
    /// only when a word alone is too wide. Existing line breaks are kept.
    public static func wrap(_ text: String, to width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ") {
                var word = String(word)
                var wordWidth = TextWidth.of(word)
                let gap = line.isEmpty ? 0 : 1
                if lineWidth + gap + wordWidth <= width {
                    line += (gap == 1 ? " " : "") + word
                    lineWidth += gap + wordWidth
                    continue
                }
                if !line.isEmpty {
                    lines.append(line)
                    (line, lineWidth) = ("", 0)
                }
                while wordWidth > width {
                    let (head, rest) = split(word, atWidth: width)
                    lines.append(head)
                    word = rest
                    wordWidth = TextWidth.of(word)
                }
                (line, lineWidth) = (word, wordWidth)
            }
            lines.append(line)
        }
        return lines
    }

    private static func split(_ word: String, atWidth width: Int) -> (String, String) {
        var head = ""
        var used = 0
        var index = word.startIndex
        while index < word.endIndex {
            let size = TextWidth.of(word[index])
            if used + size > width { break }
            head.append(word[index])
            used += size
            index = word.index(after: index)
        }
        if head.isEmpty, index < word.endIndex {  // a character wider than the line
            head.append(word[index])
            index = word.index(after: index)
        }
        return (head, String(word[index...]))
    }
}
