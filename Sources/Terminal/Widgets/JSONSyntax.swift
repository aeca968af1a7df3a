/// Where a JSON text first breaks the grammar, in words a person can act on.
public struct JSONSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// 1-based.
    public var line: Int
    /// 1-based, in grapheme clusters, so it matches what the editor's cursor counts.
    public var column: Int
    public var message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(line):\(column): \(message)" }
}

/// Checks that a text is exactly one JSON value (RFC 8259) and says where it is not.
/// Hand-written because Foundation's parser reports no line and column.
public enum JSONSyntax {
    /// Deeper nesting is reported rather than recursed into, so a pasted "[[[[…" cannot
    /// overflow the stack.
    public static let maximumDepth = 200

    /// nil when `text` is valid JSON.
    public static func check(_ text: String) -> JSONSyntaxError? {
        var scanner = JSONScanner(text)
        do {
            try scanner.scanDocument()
            return nil
        } catch {
            return scanner.error(error)
        }
    }
}

/// A failure at a scalar offset, turned into line and column only once, when reported.
private struct JSONScanFailure: Error {
    var offset: Int
    var message: String
}

/// A recursive-descent validator over the text's Unicode scalars: JSON is defined on scalars,
/// and a combining mark opening a string would otherwise fuse with its quote into one grapheme.
private struct JSONScanner {
    private let scalars: [Unicode.Scalar]
    private var offset = 0

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    private var current: Unicode.Scalar? { offset < scalars.count ? scalars[offset] : nil }

    mutating func scanDocument() throws(JSONScanFailure) {
        skipWhitespace()
        guard current != nil else { throw JSONScanFailure(offset: 0, message: "empty body") }
        try scanValue(depth: 0)
        skipWhitespace()
        if let extra = current {
            throw failure("only one top-level value is allowed, found \(quoted(extra)) after it")
        }
    }

    // MARK: Values

    private mutating func scanValue(depth: Int) throws(JSONScanFailure) {
        guard let scalar = current else { throw failure("unexpected end of text, expected a value") }
        switch scalar {
        case "{": try scanObject(depth: depth + 1)
        case "[": try scanArray(depth: depth + 1)
        case "\"": try scanString()
        case "-", "0"..."9": try scanNumber()
        case "'": throw failure("strings need double quotes, not '")
        case ".": throw failure("a number needs a digit before \".\"")
        case "+": throw failure("a number cannot start with \"+\"")
        case "}", "]", ",", ":": throw failure("expected a value, found \(quoted(scalar))")
        default:
            guard isWordScalar(scalar) else { throw failure("unexpected character \(quoted(scalar))") }
            try scanLiteral()
        }
    }

    private mutating func scanObject(depth: Int) throws(JSONScanFailure) {
        let opening = offset
        try checkDepth(depth)
        offset += 1
        skipWhitespace()
        if current == "}" {
            offset += 1
            return
        }
        while true {
            try scanKey(opening: opening)
            skipWhitespace()
            guard current == ":" else {
                throw failure(current == nil ? unclosed("{", at: opening) : "expected \":\" after the key")
            }
            offset += 1
            skipWhitespace()
            try scanValue(depth: depth)
            if try scanSeparator(closing: "}", opened: "{", at: opening) { return }
        }
    }

    private mutating func scanKey(opening: Int) throws(JSONScanFailure) {
        guard let scalar = current else { throw failure(unclosed("{", at: opening)) }
        switch scalar {
        case "\"": try scanString()
        case "'": throw failure("keys need double quotes, not '")
        default:
            guard isWordScalar(scalar) else { throw failure("expected a key in double quotes, found \(quoted(scalar))") }
            throw failure("keys need double quotes: \"\(word(from: offset))\"")
        }
    }

    private mutating func scanArray(depth: Int) throws(JSONScanFailure) {
        let opening = offset
        try checkDepth(depth)
        offset += 1
        skipWhitespace()
        if current == "]" {
            offset += 1
            return
        }
        while true {
            try scanValue(depth: depth)
            if try scanSeparator(closing: "]", opened: "[", at: opening) { return }
        }
    }

    /// After a member or an element: a comma (not one before the closer), or the closer.
    /// - Returns: true when the closer ended the object or array.
    private mutating func scanSeparator(closing closer: Unicode.Scalar, opened opener: String, at opening: Int)
        throws(JSONScanFailure) -> Bool
    {
        skipWhitespace()
        switch current {
        case ",":
            let comma = offset
            offset += 1
            skipWhitespace()
            if current == closer { throw JSONScanFailure(offset: comma, message: "trailing comma before \"\(closer)\"") }
            return false
        case closer:
            offset += 1
            return true
        case nil: throw failure(unclosed(opener, at: opening))
        default: throw failure("expected \",\" or \"\(closer)\" after a value")
        }
    }

    private func checkDepth(_ depth: Int) throws(JSONScanFailure) {
        if depth > JSONSyntax.maximumDepth { throw failure("nested more than \(JSONSyntax.maximumDepth) levels deep") }
    }

    // MARK: Strings

    private mutating func scanString() throws(JSONScanFailure) {
        let opening = offset
        offset += 1
        while let scalar = current {
            switch scalar {
            case "\"":
                offset += 1
                return
            case "\\":
                try scanEscape()
            case "\n", "\r":
                throw JSONScanFailure(offset: opening, message: "unterminated string")
            case "\u{0}"..."\u{1F}":
                throw failure("control character \(codePoint(scalar)) in a string: write it as an escape such as \\t")
            default:
                offset += 1
            }
        }
        throw JSONScanFailure(offset: opening, message: "unterminated string")
    }

    private mutating func scanEscape() throws(JSONScanFailure) {
        let backslash = offset
        offset += 1
        switch current {
        case "\"", "\\", "/", "b", "f", "n", "r", "t":
            offset += 1
        case "u":
            offset += 1
            let digits = scalars[offset..<min(offset + 4, scalars.count)]
            guard digits.count == 4, digits.allSatisfy(\.properties.isASCIIHexDigit) else {
                let shown = String(String.UnicodeScalarView(digits.prefix { !isStringEnd($0) }))
                throw JSONScanFailure(offset: backslash, message: "invalid escape \"\\u\(shown)\": needs 4 hex digits")
            }
            offset += 4
        case nil, "\n", "\r":
            throw JSONScanFailure(offset: backslash, message: "unterminated string")
        case let other?:
            throw JSONScanFailure(
                offset: backslash,
                message: "invalid escape \"\\\(Character(other))\": use \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX")
        }
    }

    private func isStringEnd(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\"" || scalar == "\n" || scalar == "\r"
    }

    // MARK: Numbers and literals

    private mutating func scanNumber() throws(JSONScanFailure) {
        let start = offset
        if current == "-" { offset += 1 }
        switch current {
        case "0":
            offset += 1
            if let next = current, isDigit(next) {
                let end = scalars[offset...].firstIndex { !isDigit($0) } ?? scalars.count
                let number = String(String.UnicodeScalarView(scalars[start..<end]))
                throw JSONScanFailure(offset: start, message: "leading zero in the number \"\(number)\"")
            }
        case let digit? where isDigit(digit):
            skipDigits()
        default:
            throw failure("expected a digit after \"-\"")
        }
        if current == "." {
            offset += 1
            guard let digit = current, isDigit(digit) else { throw failure("expected a digit after \".\"") }
            skipDigits()
        }
        if current == "e" || current == "E" {
            offset += 1
            if current == "+" || current == "-" { offset += 1 }
            guard let digit = current, isDigit(digit) else { throw failure("expected a digit in the exponent") }
            skipDigits()
        }
    }

    private mutating func skipDigits() {
        while let scalar = current, isDigit(scalar) { offset += 1 }
    }

    private func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    private mutating func scanLiteral() throws(JSONScanFailure) {
        let literal = word(from: offset)
        switch literal {
        case "true", "false", "null":
            offset += literal.unicodeScalars.count
        case _ where ["true", "false", "null"].contains(literal.lowercased()):
            throw failure("\"\(literal)\" must be written in lowercase: \(literal.lowercased())")
        default:
            throw failure("unexpected word \"\(literal)\": text values need double quotes")
        }
    }

    /// The run of letters, digits and underscores from `start`: what a person typed as a word.
    private func word(from start: Int) -> String {
        let end = scalars[start...].firstIndex { !isWordScalar($0) } ?? scalars.count
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }

    private func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isAlphabetic || isDigit(scalar)
    }

    // MARK: Whitespace and reporting

    private mutating func skipWhitespace() {
        while let scalar = current, scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" { offset += 1 }
    }

    private func failure(_ message: String) -> JSONScanFailure {
        JSONScanFailure(offset: offset, message: message)
    }

    private func unclosed(_ bracket: String, at opening: Int) -> String {
        let position = location(of: opening)
        return "\"\(bracket)\" at \(position.line):\(position.column) is never closed"
    }

    private func quoted(_ scalar: Unicode.Scalar) -> String {
        scalar.value < 0x20 || scalar.value == 0x7F ? codePoint(scalar) : "\"\(Character(scalar))\""
    }

    private func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    func error(_ failure: JSONScanFailure) -> JSONSyntaxError {
        let position = location(of: failure.offset)
        return JSONSyntaxError(line: position.line, column: position.column, message: failure.message)
    }

    /// Lines end at "\n", "\r\n" or a lone "\r", as in the editor; columns count graphemes.
    private func location(of target: Int) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        var index = 0
        while index < target {
            let scalar = scalars[index]
            let endsLine = scalar == "\n" || (scalar == "\r" && (index + 1 >= scalars.count || scalars[index + 1] != "\n"))
            index += 1
            if endsLine {
                line += 1
                lineStart = index
            }
        }
        let before = String(String.UnicodeScalarView(scalars[lineStart..<target]))
        return (line, before.count + 1)
    }
}
