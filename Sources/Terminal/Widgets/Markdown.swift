/// One block of the Markdown subset tutorial lessons are written in.
public enum MarkdownBlock: Sendable, Hashable {
    /// `#`, `##` or `###`.
    case heading(String)
    /// Consecutive text lines, joined with spaces.
    case paragraph(String)
    /// `- item`, `* item` or `1. item`; `marker` is "•" or the number as written ("1.").
    /// Each two spaces of indentation before the marker nest the item one level deeper.
    case listItem(marker: String, depth: Int, text: String)
    /// The lines between ``` fences, verbatim.
    case code([String])
    /// One or more blank lines: a paragraph break.
    case blank
}

/// Reads the Markdown subset: headings, paragraphs, bullet and numbered lists, fenced code,
/// and inline `**bold**` and `` `code` ``. Anything else is kept as text.
public enum Markdown {
    public static func blocks(_ source: String) -> [MarkdownBlock] {
        var blocks: [MarkdownBlock] = []
        var code: [String]?
        for rawLine in source.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let line = String(rawLine)
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if var lines = code {
                if trimmed.hasPrefix("```") {
                    blocks.append(.code(lines))
                    code = nil
                } else {
                    lines.append(line)
                    code = lines
                }
                continue
            }
            if trimmed.hasPrefix("```") {
                code = []
            } else if trimmed.allSatisfy(\.isWhitespace) {
                if blocks.last != .blank { blocks.append(.blank) }
            } else if let heading = heading(in: trimmed) {
                blocks.append(.heading(heading))
            } else if let item = listItem(in: line) {
                blocks.append(item)
            } else if trimmed.count < line.count, case .listItem(let marker, let depth, let text) = blocks.last {
                blocks[blocks.count - 1] = .listItem(marker: marker, depth: depth, text: text + " " + trimmed)
            } else if case .paragraph(let text) = blocks.last {
                blocks[blocks.count - 1] = .paragraph(text + " " + trimmed)
            } else {
                blocks.append(.paragraph(String(trimmed)))
            }
        }
        // An unclosed fence runs to the end rather than losing the code.
        if let code { blocks.append(.code(code)) }
        return blocks
    }

    /// Inline `**bold**` and `` `code` `` over `base`: bold adds emphasis, code takes the
    /// `.accent` role. A marker without its closing partner is plain text.
    public static func spans(_ text: String, base: Style = .normal) -> [StyledSpan] {
        var line = StyledLine()
        var bold = false
        var index = text.startIndex
        while index < text.endIndex {
            let rest = text[index...]
            if rest.hasPrefix("`"), let close = rest.dropFirst().firstIndex(of: "`") {
                let code = String(text[text.index(after: index)..<close])
                line.append(code, style: Style(.accent, bold: base.bold || bold, underline: base.underline))
                index = text.index(after: close)
            } else if rest.hasPrefix("**"), bold || rest.dropFirst(2).contains("**") {
                bold.toggle()
                index = text.index(index, offsetBy: 2)
            } else {
                line.append(String(text[index]), style: Style(base.role, bold: base.bold || bold, underline: base.underline))
                index = text.index(after: index)
            }
        }
        return line.spans
    }

    private static func heading(in line: Substring) -> String? {
        for prefix in ["# ", "## ", "### "] where line.hasPrefix(prefix) {
            return line.dropFirst(prefix.count).trimmingSpaces()
        }
        return nil
    }

    private static func listItem(in line: String) -> MarkdownBlock? {
        let indentation = line.prefix { $0 == " " }.count
        let rest = line.dropFirst(indentation)
        let depth = min(indentation / 2, 3)
        if rest.hasPrefix("- ") || rest.hasPrefix("* ") {
            return .listItem(marker: "•", depth: depth, text: rest.dropFirst(2).trimmingSpaces())
        }
        let digits = rest.prefix(while: \.isASCII).prefix { $0.isNumber }
        guard !digits.isEmpty, digits.count <= 3 else { return nil }
        let afterDigits = rest.dropFirst(digits.count)
        guard afterDigits.hasPrefix(". ") || afterDigits.hasPrefix(") ") else { return nil }
        return .listItem(
            marker: String(digits) + String(afterDigits.prefix(1)), depth: depth, text: afterDigits.dropFirst(2).trimmingSpaces())
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
