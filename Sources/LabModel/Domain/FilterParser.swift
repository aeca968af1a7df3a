/// Reads the text form of a filter (`Updated is False`, `A equals x AND (B is null OR C less 3)`).
/// Values run to the next AND/OR or parenthesis; quote them ('New York') to include those words.
public struct FilterParser {
    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        public let text: String
        public let reason: String
        public var description: String { "Cannot read the filter \"\(text)\": \(reason)." }
    }

    private var tokens: [String]
    private var position = 0
    private let text: String

    public static func parse(_ text: String) throws(Failure) -> FilterExpression {
        var parser = FilterParser(text: text, tokens: Self.tokenize(text))
        guard !parser.tokens.isEmpty else { throw Failure(text: text, reason: "it is empty") }
        let expression = try parser.expression()
        guard parser.position == parser.tokens.count else {
            throw Failure(text: text, reason: "unexpected \"\(parser.tokens[parser.position])\"")
        }
        return expression
    }

    private init(text: String, tokens: [String]) {
        self.text = text
        self.tokens = tokens
    }

    private mutating func expression() throws(Failure) -> FilterExpression {
        var parts = [try term()]
        var join: FilterJoin?
        while let word = peek(), let next = FilterJoin(rawValue: word.uppercased()) {
            if let join, join != next { throw Failure(text: text, reason: "mixing AND and OR needs parentheses") }
            join = next
            position += 1
            parts.append(try term())
        }
        return parts.count == 1 ? parts[0] : .group(join ?? .and, parts)
    }

    private mutating func term() throws(Failure) -> FilterExpression {
        if peek() == "(" {
            position += 1
            let inner = try expression()
            guard peek() == ")" else { throw Failure(text: text, reason: "a parenthesis is not closed") }
            position += 1
            return inner
        }
        guard let attribute = next(), attribute != ")" else { throw Failure(text: text, reason: "a condition is missing") }
        // Longest operator first: "is not null" before "is not" before "is".
        let operators = FilterOperator.allCases.sorted { $0.rawValue.count > $1.rawValue.count }
        for op in operators {
            let words = op.rawValue.split(separator: " ").map(String.init)
            guard position + words.count <= tokens.count,
                zip(words, tokens[position..<position + words.count]).allSatisfy({ $0.caseInsensitiveCompare($1) == .orderedSame }
                )
            else { continue }
            position += words.count
            guard op.takesValue else { return .condition(FilterCondition(attribute, op)) }
            var valueWords: [String] = []
            while let word = peek(), word != ")", word != "(", FilterJoin(rawValue: word.uppercased()) == nil {
                valueWords.append(word)
                position += 1
            }
            guard !valueWords.isEmpty else { throw Failure(text: text, reason: "\"\(attribute) \(op.rawValue)\" needs a value") }
            return .condition(FilterCondition(attribute, op, valueWords.joined(separator: " ")))
        }
        throw Failure(
            text: text,
            reason: "\"\(attribute)\" is not followed by an operator (is, is not, equals, contains, greater, less, is null, ...)")
    }

    private func peek() -> String? { position < tokens.count ? tokens[position] : nil }

    private mutating func next() -> String? {
        defer { position += 1 }
        return peek()
    }

    private static func tokenize(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        var quote: Character?
        for character in text {
            if let open = quote {
                if character == open { tokens.append(current); current = ""; quote = nil } else { current.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character == "(" || character == ")" {
                if !current.isEmpty { tokens.append(current); current = "" }
                tokens.append(String(character))
            } else if character.isWhitespace {
                if !current.isEmpty { tokens.append(current); current = "" }
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }
}
