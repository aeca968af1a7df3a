/// Journey Builder's criteria text, what a person reads under a trigger: `Updated is False`,
/// `Updated is False AND (MemberID greater 3 OR LastName contains 'van der')`. Values run to
/// the next AND, OR or parenthesis; quote them ('New York') to hold those words. Mixing AND
/// and OR in one group needs parentheses. Words are read in any case.
public enum CriteriaTextSyntax {
    public static func parse(_ text: String) throws(FilterSyntaxError) -> Filter {
        try FilterLimits.checkLength(text, .criteria)
        var parser = Parser(
            text: text, tokens: try FilterToken.read(text, quotes: ["'", "\""], commas: false, syntax: .criteria))
        guard !parser.tokens.isEmpty else { throw parser.failure("it is empty") }
        let filter = try parser.group(depth: 0)
        guard parser.position == parser.tokens.count else {
            throw parser.failure("\"\(parser.tokens[parser.position].written)\" is not expected there")
        }
        return filter
    }

    /// The filter as criteria text that reads back to a filter selecting the same rows.
    public static func text(of filter: Filter) -> String { text(of: filter, nested: false) }

    private static func text(of filter: Filter, nested: Bool) -> String {
        switch filter {
        case .compare(let field, let comparison, let value):
            let isBoolean = FilterBoolean(value) != nil
            let op =
                switch comparison {
                case .equals: isBoolean ? "is" : "equals"
                case .notEquals: isBoolean ? "is not" : "not equals"
                default: words[comparison] ?? comparison.rawValue
                }
            return "\(name(field)) \(op) \(written(value))"
        case .isNull(let field): return "\(name(field)) is null"
        case .isNotNull(let field): return "\(name(field)) is not null"
        case .all(let parts), .any(let parts):
            let joiner = if case .all = filter { " AND " } else { " OR " }
            let inner = parts.map { text(of: $0, nested: true) }.joined(separator: joiner)
            return nested && parts.count > 1 ? "(\(inner))" : inner
        }
    }

    /// A field name stays bare unless it would not read back as one word.
    private static func name(_ field: String) -> String {
        isPlainWord(field) && !reserved.contains(field.lowercased()) ? field : FilterToken.quoted(field).written
    }

    /// A value stays bare when it reads back as itself: one word that is not AND or OR.
    private static func written(_ value: String) -> String {
        isPlainWord(value) && !["and", "or"].contains(value.lowercased()) ? value : FilterToken.quoted(value).written
    }

    private static func isPlainWord(_ text: String) -> Bool {
        guard let first = text.first, first != "'", first != "\"" else { return false }
        return !text.contains { $0.isWhitespace || $0 == "(" || $0 == ")" }
    }

    /// The operators' words, longest first so that "is not null" is read before "is not" and "is".
    private static let operators: [(words: [String], meaning: Meaning)] = [
        (["is", "not", "null"], .isNotNull), (["is", "null"], .isNull), (["is", "not"], .compare(.notEquals)),
        (["not", "equals"], .compare(.notEquals)), (["greater", "or", "equal"], .compare(.greaterOrEqual)),
        (["less", "or", "equal"], .compare(.lessOrEqual)), (["is"], .compare(.equals)), (["equals"], .compare(.equals)),
        (["greater"], .compare(.greater)), (["less"], .compare(.less)), (["contains"], .compare(.contains)),
        (["like"], .compare(.like)),
    ]

    private static let words: [FilterComparison: String] = [
        .greater: "greater", .greaterOrEqual: "greater or equal", .less: "less", .lessOrEqual: "less or equal",
        .contains: "contains", .like: "like",
    ]

    private static let reserved: Set<String> = ["and", "or", "is", "not", "null"]

    private enum Meaning {
        case compare(FilterComparison)
        case isNull
        case isNotNull
    }

    private struct Parser {
        let text: String
        let tokens: [FilterToken]
        var position = 0
        var conditions = 0

        init(text: String, tokens: [FilterToken]) {
            self.text = text
            self.tokens = tokens
        }

        func failure(_ reason: String) -> FilterSyntaxError {
            FilterSyntaxError(.criteria, text: text, reason: reason, progress: position)
        }

        mutating func group(depth: Int) throws(FilterSyntaxError) -> Filter {
            guard depth < FilterLimits.depth else { throw failure(FilterLimits.tooDeep) }
            var parts = [try term(depth: depth)]
            var joinsWithAnd: Bool?
            while let word = peek()?.keyword, word == "and" || word == "or" {
                if let joinsWithAnd, joinsWithAnd != (word == "and") { throw failure("mixing AND and OR needs parentheses") }
                joinsWithAnd = word == "and"
                position += 1
                parts.append(try term(depth: depth))
            }
            guard parts.count > 1 else { return parts[0] }
            return joinsWithAnd == false ? .any(parts) : .all(parts)
        }

        mutating func term(depth: Int) throws(FilterSyntaxError) -> Filter {
            if peek() == .open {
                position += 1
                let inner = try group(depth: depth + 1)
                guard peek() == .close else { throw failure("a parenthesis is not closed") }
                position += 1
                return inner
            }
            guard let token = peek(), let field = token.text else { throw failure("a condition is missing") }
            position += 1
            conditions += 1
            guard conditions <= FilterLimits.conditions else { throw failure(FilterLimits.tooMany) }
            for (words, meaning) in CriteriaTextSyntax.operators where matches(words) {
                position += words.count
                switch meaning {
                case .isNull: return .isNull(field: field)
                case .isNotNull: return .isNotNull(field: field)
                case .compare(let comparison):
                    var values: [String] = []
                    while let token = peek(), let value = token.text, !["and", "or"].contains(token.keyword) {
                        values.append(value)
                        position += 1
                    }
                    guard !values.isEmpty else {
                        throw failure("\"\(field) \(words.joined(separator: " "))\" needs a value")
                    }
                    return .compare(field: field, comparison, value: values.joined(separator: " "))
                }
            }
            guard let word = peek()?.text else {
                throw failure("\"\(field)\" needs an operator (is, is not, equals, contains, greater, less, is null…)")
            }
            throw FilterSyntaxError(
                .criteria, text: text,
                reason:
                    "\"\(word)\" is not an operator (is, is not, equals, not equals, contains, greater, less, like, is null…)",
                progress: position + 1, unknownOperator: word)
        }

        private func matches(_ words: [String]) -> Bool {
            guard position + words.count <= tokens.count else { return false }
            return zip(words, tokens[position...]).allSatisfy { $0 == $1.keyword }
        }

        func peek() -> FilterToken? { position < tokens.count ? tokens[position] : nil }
    }
}
