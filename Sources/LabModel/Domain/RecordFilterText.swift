/// A record filter as text, the REST API's `$filter` as FuelSDK writes it and what the Records
/// screen takes: `Updated eq 'True'`, `MemberID gt 3 and FirstName like 'S%'`, `LastName is null`;
/// `and` binds tighter than `or`; parentheses group.
public struct RecordFilterText {
    private var tokens: [String]
    private var position = 0

    public static func parse(_ text: String) throws(RecordFilterSyntaxError) -> RecordFilter {
        var parser = RecordFilterText(tokens: try tokenize(text))
        let filter = try parser.orExpression()
        guard parser.position == parser.tokens.count else { throw invalid(text) }
        return filter
    }

    private static func invalid(_ text: String) -> RecordFilterSyntaxError { RecordFilterSyntaxError(text: text) }

    private mutating func orExpression() throws(RecordFilterSyntaxError) -> RecordFilter {
        var parts = [try andExpression()]
        while peek(is: "or") {
            position += 1
            parts.append(try andExpression())
        }
        return parts.count == 1 ? parts[0] : .any(parts)
    }

    private mutating func andExpression() throws(RecordFilterSyntaxError) -> RecordFilter {
        var parts = [try condition()]
        while peek(is: "and") {
            position += 1
            parts.append(try condition())
        }
        return parts.count == 1 ? parts[0] : .all(parts)
    }

    private mutating func condition() throws(RecordFilterSyntaxError) -> RecordFilter {
        let text = tokens.joined(separator: " ")
        guard let first = next() else { throw Self.invalid(text) }
        if first == "(" {
            let inner = try orExpression()
            guard next() == ")" else { throw Self.invalid(text) }
            return inner
        }
        guard let op = next()?.lowercased() else { throw Self.invalid(text) }
        if op == "is" {
            if peek(is: "not") {
                position += 1
                guard next()?.lowercased() == "null" else { throw Self.invalid(text) }
                return .isNotNull(field: first)
            }
            guard next()?.lowercased() == "null" else { throw Self.invalid(text) }
            return .isNull(field: first)
        }
        guard let raw = next() else { throw Self.invalid(text) }
        let value = raw.hasPrefix("'") ? String(raw.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'") : raw
        let comparison: RecordComparison
        switch op {
        case "eq": comparison = .equals
        case "ne", "neq": comparison = .notEquals
        case "gt": comparison = .greater
        case "gte", "ge": comparison = .greaterOrEqual
        case "lt": comparison = .less
        case "lte", "le": comparison = .lessOrEqual
        case "like": comparison = .like
        default: throw Self.invalid(text)
        }
        return .compare(field: first, comparison, value: value)
    }

    private func peek(is word: String) -> Bool {
        position < tokens.count && tokens[position].lowercased() == word
    }

    private mutating func next() -> String? {
        guard position < tokens.count else { return nil }
        defer { position += 1 }
        return tokens[position]
    }

    /// Words, parentheses and 'quoted values' ('' inside a value is a quote).
    private static func tokenize(_ text: String) throws(RecordFilterSyntaxError) -> [String] {
        var tokens: [String] = []
        var characters = Array(text)[...]
        while let character = characters.first {
            if character.isWhitespace {
                characters = characters.dropFirst()
            } else if character == "(" || character == ")" {
                tokens.append(String(character))
                characters = characters.dropFirst()
            } else if character == "'" {
                var value = "'"
                var rest = characters.dropFirst()
                var closed = false
                while let next = rest.first {
                    rest = rest.dropFirst()
                    if next == "'" {
                        if rest.first == "'" {
                            value += "''"
                            rest = rest.dropFirst()
                        } else {
                            closed = true
                            break
                        }
                    } else {
                        value.append(next)
                    }
                }
                guard closed else { throw invalid(text) }
                tokens.append(value + "'")
                characters = rest
            } else {
                let word = characters.prefix { !$0.isWhitespace && $0 != "(" && $0 != ")" }
                tokens.append(String(word))
                characters = characters.dropFirst(word.count)
            }
        }
        return tokens
    }
}

/// A filter that does not read as `Field eq 'value'` joined with and/or.
public struct RecordFilterSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    public let text: String
    public var description: String { "The filter \"\(text)\" is not valid: use Field eq 'value', with and/or." }
}
