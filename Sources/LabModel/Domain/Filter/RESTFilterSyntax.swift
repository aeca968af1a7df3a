/// The REST API's `$filter`, as FuelSDK writes it: `Updated eq 'True'`,
/// `MemberID gt 3 and FirstName like 'S%'`, `LastName is null`, `Tier in ('gold', 'silver')`,
/// `MemberID between 3 and 7`. `and` binds tighter than `or`; parentheses group; words are
/// read in any case.
public enum RESTFilterSyntax {
    public static func parse(_ text: String) throws(FilterSyntaxError) -> Filter {
        try FilterLimits.checkLength(text, .rest)
        var parser = Parser(text: text, tokens: try FilterToken.read(text, quotes: ["'"], commas: true, syntax: .rest))
        guard !parser.tokens.isEmpty else { throw parser.failure("it is empty") }
        let filter = try parser.anyOf(depth: 0)
        guard parser.position == parser.tokens.count else {
            throw parser.failure("\"\(parser.tokens[parser.position].written)\" is not expected there")
        }
        return filter
    }

    /// The filter as `$filter` text that reads back to a filter selecting the same rows.
    public static func text(of filter: Filter) -> String { text(of: filter, nested: false) }

    private static func text(of filter: Filter, nested: Bool) -> String {
        switch filter {
        case .compare(let field, .contains, let value):
            return "\(field) like \(FilterToken.quoted("%\(escapingPattern(value))%").written)"
        case .compare(let field, let comparison, let value):
            return "\(field) \(word(for: comparison)) \(written(value))"
        case .isNull(let field): return "\(field) is null"
        case .isNotNull(let field): return "\(field) is not null"
        case .all(let parts), .any(let parts):
            let joiner = if case .all = filter { " and " } else { " or " }
            let inner = parts.map { text(of: $0, nested: true) }.joined(separator: joiner)
            return nested && parts.count > 1 ? "(\(inner))" : inner
        }
    }

    /// Numbers stay bare (`MemberID gt 3`); every other value is quoted.
    private static func written(_ value: String) -> String {
        let isNumber = !value.isEmpty && value.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") } && value.first != "."
        return isNumber ? value : FilterToken.quoted(value).written
    }

    private static func word(for comparison: FilterComparison) -> String {
        switch comparison {
        case .equals: "eq"
        case .notEquals: "ne"
        case .greater: "gt"
        case .greaterOrEqual: "gte"
        case .less: "lt"
        case .lessOrEqual: "lte"
        case .contains, .like: "like"
        }
    }

    private static let comparisons: [String: FilterComparison] = [
        "eq": .equals, "ne": .notEquals, "neq": .notEquals, "gt": .greater, "gte": .greaterOrEqual, "ge": .greaterOrEqual,
        "lt": .less, "lte": .lessOrEqual, "le": .lessOrEqual, "like": .like,
    ]

    /// A `like` pattern matching `text` literally: the wildcards and the escape character are
    /// escaped with a backslash, the escape character every compiled `like` declares.
    static func escapingPattern(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }

    /// `%text%` with no wildcard between the ends reads as `contains text`.
    private static func containedText(inPattern pattern: String) -> String? {
        guard pattern.count >= 2, pattern.hasPrefix("%"), pattern.hasSuffix("%") else { return nil }
        var text = ""
        var escaped = false
        for character in pattern.dropFirst().dropLast() {
            if escaped {
                text.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "%" || character == "_" {
                return nil
            } else {
                text.append(character)
            }
        }
        return escaped ? nil : text
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
            FilterSyntaxError(.rest, text: text, reason: reason, progress: position)
        }

        mutating func anyOf(depth: Int) throws(FilterSyntaxError) -> Filter {
            guard depth < FilterLimits.depth else { throw failure(FilterLimits.tooDeep) }
            var parts = [try allOf(depth: depth)]
            while peek()?.keyword == "or" {
                position += 1
                parts.append(try allOf(depth: depth))
            }
            return parts.count == 1 ? parts[0] : .any(parts)
        }

        mutating func allOf(depth: Int) throws(FilterSyntaxError) -> Filter {
            var parts = [try condition(depth: depth)]
            while peek()?.keyword == "and" {
                position += 1
                parts.append(try condition(depth: depth))
            }
            return parts.count == 1 ? parts[0] : .all(parts)
        }

        mutating func condition(depth: Int) throws(FilterSyntaxError) -> Filter {
            guard let first = next() else { throw failure("a condition is missing at the end") }
            if first == .open {
                let inner = try anyOf(depth: depth + 1)
                guard next() == .close else { throw failure("a parenthesis is not closed") }
                return inner
            }
            guard case .word(let field) = first else { throw failure("\"\(first.written)\" is where a field name belongs") }
            conditions += 1
            guard conditions <= FilterLimits.conditions else { throw failure(FilterLimits.tooMany) }
            guard let op = next()?.keyword else {
                throw failure("\"\(field)\" needs an operator (eq, ne, gt, lt, like, is null…)")
            }
            switch op {
            case "is":
                let not = peek()?.keyword == "not"
                if not { position += 1 }
                guard next()?.keyword == "null" else { throw failure("\"is\" is followed by null or not null") }
                return not ? .isNotNull(field: field) : .isNull(field: field)
            case "in":
                guard next() == .open else { throw failure("\"in\" takes a list in parentheses") }
                var values = [try value(after: "in")]
                while peek() == .comma {
                    position += 1
                    conditions += 1
                    guard conditions <= FilterLimits.conditions else { throw failure(FilterLimits.tooMany) }
                    values.append(try value(after: "in"))
                }
                guard next() == .close else { throw failure("the list after \"in\" is not closed") }
                let parts = values.map { Filter.compare(field: field, .equals, value: $0) }
                return parts.count == 1 ? parts[0] : .any(parts)
            case "between":
                let low = try value(after: "between")
                guard next()?.keyword == "and" else { throw failure("\"between\" takes two values joined by and") }
                let high = try value(after: "between")
                return .all([
                    .compare(field: field, .greaterOrEqual, value: low), .compare(field: field, .lessOrEqual, value: high),
                ])
            default:
                guard let comparison = RESTFilterSyntax.comparisons[op] else {
                    throw FilterSyntaxError(
                        .rest, text: text,
                        reason: "\"\(op)\" is not an operator (eq, ne, gt, gte, lt, lte, like, in, between, is null)",
                        progress: position, unknownOperator: op)
                }
                let value = try value(after: op)
                if comparison == .like, let contained = RESTFilterSyntax.containedText(inPattern: value) {
                    return .compare(field: field, .contains, value: contained)
                }
                return .compare(field: field, comparison, value: value)
            }
        }

        mutating func value(after op: String) throws(FilterSyntaxError) -> String {
            guard let token = next(), let value = token.text else { throw failure("\"\(op)\" needs a value") }
            return value
        }

        func peek() -> FilterToken? { position < tokens.count ? tokens[position] : nil }

        mutating func next() -> FilterToken? {
            guard position < tokens.count else { return nil }
            defer { position += 1 }
            return tokens[position]
        }
    }
}
