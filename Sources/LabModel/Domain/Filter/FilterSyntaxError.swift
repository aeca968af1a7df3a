/// Why a written filter cannot be read, in the terms of the syntax it was read as.
public struct FilterSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Syntax: Sendable, Hashable {
        /// The REST API's `$filter`.
        case rest
        /// Journey Builder's criteria text.
        case criteria
        /// Either readable syntax (what a person types on the Records screen or the command line).
        case readable
        case filterDefinitionXML
    }

    public let syntax: Syntax
    public let text: String
    /// What is wrong, in a phrase: `"gt" needs a value`.
    public let reason: String
    /// How many tokens were read before the trouble: the syntax that got further is the one a
    /// person most likely meant.
    let progress: Int
    /// The word read where an operator belongs, when that is the trouble.
    let unknownOperator: String?

    init(_ syntax: Syntax, text: String, reason: String, progress: Int = 0, unknownOperator: String? = nil) {
        self.syntax = syntax
        // A refusal repeats what was written, but never a hostile length of it.
        self.text = text.utf8.count > 200 ? String(text.prefix(200)) + "…" : text
        self.reason = reason
        self.progress = progress
        self.unknownOperator = unknownOperator
    }

    public var description: String {
        switch syntax {
        case .rest: "The filter \"\(text)\" is not valid: \(reason). Write Field eq 'value', joined with and/or."
        case .criteria: "The filter \"\(text)\" is not valid: \(reason). Write Field is value, joined with AND/OR."
        // A word where an operator belongs: the operators listed are the hint, and the line stays
        // short enough for two rows of an 80-column screen.
        case .readable where unknownOperator != nil: "The filter \"\(text)\" is not valid: \(reason)."
        case .readable:
            "The filter \"\(text)\" is not valid: \(reason). Write Field eq 'value' or Field is value, joined with and/or."
        case .filterDefinitionXML: "The entry filter is not valid FilterDefinition XML: \(reason)."
        }
    }
}

/// How big a written filter may be. The filters people write hold a handful of conditions; the
/// limits keep a hostile text from exhausting the stack or the time (every parser reads in one
/// pass and refuses the moment a limit is passed), and whatever is accepted compiles to SQL
/// that SQLite runs (groups are joined as balanced trees, so the expression depth grows with
/// the logarithm of the conditions).
public enum FilterLimits {
    /// Groups inside groups.
    public static let depth = 32
    public static let conditions = 1_000
    /// Of the written text, in bytes of UTF-8.
    public static let length = 100_000

    static func checkLength(_ text: String, _ syntax: FilterSyntaxError.Syntax) throws(FilterSyntaxError) {
        guard text.utf8.count <= length else {
            throw FilterSyntaxError(syntax, text: text, reason: "it is longer than 100,000 bytes")
        }
    }

    static let tooDeep = "it nests deeper than \(depth) levels"
    static let tooMany = "it has more than 1,000 conditions"
}

/// A word, a quoted value or punctuation of a written filter.
enum FilterToken: Sendable, Hashable {
    case word(String)
    case quoted(String)
    case open
    case close
    case comma

    /// The word, in lower case, when this is an unquoted word.
    var keyword: String? {
        if case .word(let word) = self { word.lowercased() } else { nil }
    }

    /// A word or a quoted value, as the text it stands for.
    var text: String? {
        switch self {
        case .word(let text), .quoted(let text): text
        case .open, .close, .comma: nil
        }
    }

    var written: String {
        switch self {
        case .word(let word): word
        case .quoted(let text): "'\(text.replacingOccurrences(of: "'", with: "''"))'"
        case .open: "("
        case .close: ")"
        case .comma: ","
        }
    }

    /// Splits `text` into tokens: whitespace separates, parentheses (and commas when
    /// `commas`) stand alone, a value in one of `quotes` runs to its closing quote, and a
    /// doubled quote inside it is one quote character.
    static func read(_ text: String, quotes: Set<Character>, commas: Bool, syntax: FilterSyntaxError.Syntax)
        throws(FilterSyntaxError) -> [FilterToken]
    {
        var tokens: [FilterToken] = []
        var rest = Substring(text)
        while let character = rest.first {
            if character.isWhitespace {
                rest = rest.dropFirst()
            } else if character == "(" || character == ")" || (commas && character == ",") {
                tokens.append(character == "(" ? .open : character == ")" ? .close : .comma)
                rest = rest.dropFirst()
            } else if quotes.contains(character) {
                var value = ""
                rest = rest.dropFirst()
                var closed = false
                while let next = rest.first {
                    rest = rest.dropFirst()
                    if next == character {
                        if rest.first == character {
                            value.append(character)
                            rest = rest.dropFirst()
                        } else {
                            closed = true
                            break
                        }
                    } else {
                        value.append(next)
                    }
                }
                guard closed else {
                    throw FilterSyntaxError(
                        syntax, text: text, reason: "a quoted value is not closed", progress: tokens.count)
                }
                tokens.append(.quoted(value))
            } else {
                let word = rest.prefix { !$0.isWhitespace && $0 != "(" && $0 != ")" && !(commas && $0 == ",") }
                tokens.append(.word(String(word)))
                rest = rest.dropFirst(word.count)
            }
        }
        return tokens
    }
}
