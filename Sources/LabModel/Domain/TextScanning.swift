/// Byte-level helpers for the record-validation hot path: a bulk import checks millions of
/// values, and Foundation's trimming or Character properties cost microseconds each.
enum TextScanning {
    /// `text` without leading and trailing spaces, tabs and line breaks; no copy when there are none.
    static func trimmed(_ text: String) -> String {
        let bytes = text.utf8
        guard let first = bytes.first, let last = bytes.last else { return text }
        guard isSpace(first) || isSpace(last) else { return text }
        let start = bytes.firstIndex { !isSpace($0) } ?? bytes.endIndex
        guard start != bytes.endIndex else { return "" }
        let end = bytes.lastIndex { !isSpace($0) }!
        return String(text[start...end])
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    /// ASCII case-insensitive equality with a lower-case ASCII word.
    static func equals(_ text: String, lowercaseWord word: String) -> Bool {
        let (a, b) = (text.utf8, word.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).allSatisfy { lhs, rhs in (lhs >= 0x41 && lhs <= 0x5A ? lhs | 0x20 : lhs) == rhs }
    }

    /// The number of characters, counting only when the UTF-8 length could exceed `limit`.
    static func exceeds(_ text: String, limit: Int) -> Int? {
        guard text.utf8.count > limit else { return nil }
        let count = text.count
        return count > limit ? count : nil
    }
}
