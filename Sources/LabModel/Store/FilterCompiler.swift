import GRDB

/// Compiles a filter to a SQL condition — the one compiler for every filter, told how a field
/// name resolves: a row table's column (`RowTableFilterFields`) or, for a trigger, the event
/// source's row and the data extensions linked through attribute groups (`TriggerFilterFields`).
///
/// What must stay true, for every filter:
/// - each value is checked against its field's type first (`Filter.comparedValue`);
/// - text compares in any case: the column expression carries `COLLATE NOCASE` for text, and
///   `LIKE` folds case;
/// - `contains` matches its text literally (`%`, `_` and `\` escaped) and every `LIKE` declares
///   `\` its escape character;
/// - "not equal" also matches an empty value, as Marketing Cloud's `ne` does;
/// - an empty compared value means "is empty" (`equals`) or "has a value" (`notEquals`), and
///   nothing is greater or less than it;
/// - groups are parenthesised and joined as a balanced tree, so SQLite's expression depth grows
///   with the logarithm of a group's size, not with its size.
struct FilterCompiler {
    /// A field, the SQL that reads its value, and the name refusals call it by.
    struct Column {
        let field: Field
        let sql: String
        let name: String
    }

    /// The column a field name reads; nil when it names none.
    let column: (String) throws -> Column?
    /// How the caller tells what the filter asks that its fields cannot answer.
    let refuse: (FilterRefusal) -> any Error

    func condition(for filter: Filter) throws -> (sql: String, arguments: [DatabaseValue]) {
        switch filter {
        case .all(let parts): return try joined(parts, with: "AND")
        case .any(let parts): return try joined(parts, with: "OR")
        case .isNull(let name): return ("\(try resolve(name).sql) IS NULL", [])
        case .isNotNull(let name): return ("\(try resolve(name).sql) IS NOT NULL", [])
        case .compare(let name, let comparison, let text):
            let column = try resolve(name)
            let value: FieldValue
            do {
                value = try Filter.comparedValue(comparison, text, of: column.field, named: column.name)
            } catch {
                throw refuse(error)
            }
            return Self.comparison(column.sql, comparison, value)
        }
    }

    private func resolve(_ name: String) throws -> Column {
        guard let column = try column(name) else { throw refuse(.unknownField(name)) }
        return column
    }

    private static func comparison(_ column: String, _ comparison: FilterComparison, _ value: FieldValue)
        -> (sql: String, arguments: [DatabaseValue])
    {
        switch comparison {
        case .contains:
            let text = if case .text(let text) = value { text } else { "" }
            return ("\(column) LIKE ? ESCAPE '\\'", ["%\(RESTFilterSyntax.escapingPattern(text))%".databaseValue])
        case .like:
            return ("\(column) LIKE ? ESCAPE '\\'", [value.databaseValue])
        case _ where value.isNull:
            switch comparison {
            case .equals: return ("\(column) IS NULL", [])
            case .notEquals: return ("\(column) IS NOT NULL", [])
            default: return ("0", [])
            }
        case .equals: return ("\(column) = ?", [value.databaseValue])
        case .notEquals: return ("(\(column) <> ? OR \(column) IS NULL)", [value.databaseValue])
        case .greater: return ("\(column) > ?", [value.databaseValue])
        case .greaterOrEqual: return ("\(column) >= ?", [value.databaseValue])
        case .less: return ("\(column) < ?", [value.databaseValue])
        case .lessOrEqual: return ("\(column) <= ?", [value.databaseValue])
        }
    }

    /// `parts` joined by `op` as a balanced tree: `((a AND b) AND (c AND d))`.
    private func joined(_ parts: [Filter], with op: String) throws -> (sql: String, arguments: [DatabaseValue]) {
        guard !parts.isEmpty else { return (op == "AND" ? "1" : "0", []) }
        let compiled = try parts.map { try condition(for: $0) }
        func balanced(_ range: Range<Int>) -> (sql: String, arguments: [DatabaseValue]) {
            if range.count == 1 { return ("(\(compiled[range.lowerBound].sql))", compiled[range.lowerBound].arguments) }
            let middle = range.lowerBound + range.count / 2
            let left = balanced(range.lowerBound..<middle)
            let right = balanced(middle..<range.upperBound)
            return ("(\(left.sql) \(op) \(right.sql))", left.arguments + right.arguments)
        }
        return balanced(0..<compiled.count)
    }
}

extension FilterCompiler {
    /// Field names of one data extension, read from its row table; refusals are `RecordError`s.
    init(rowsOf table: RowTable) {
        let definition = table.stored.definition
        self.init(
            column: { name in
                definition.field(named: name).map { Column(field: $0, sql: table.quotedColumn(of: $0), name: $0.name) }
            },
            refuse: { refusal in
                switch refusal {
                case .unknownField(let name): RecordError.unknownField(dataExtension: definition.name, field: name)
                case .wrongValue(let name, let value, let problem):
                    RecordError.invalidValue(field: name, value: value, problem: problem)
                case .operatorNotApplicable(let name, let comparison, let type):
                    RecordError.operatorNotApplicable(field: name, operator: comparison.rawValue, type: type)
                }
            })
    }
}

extension FilterCompiler {
    /// The condition with its arguments ready for a statement.
    func rowCondition(for filter: Filter) throws -> (sql: String, arguments: StatementArguments) {
        let compiled = try condition(for: filter)
        return (compiled.sql, StatementArguments(compiled.arguments))
    }
}
