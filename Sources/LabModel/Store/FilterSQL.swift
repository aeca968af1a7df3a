import GRDB

/// Turns a `RecordFilter` into a SQL condition over a row table, with each value checked
/// against its field's type first (a bad value is a `RecordError` naming the field).
struct FilterSQL {
    let table: RowTable

    func condition(for filter: RecordFilter) throws -> (sql: String, arguments: StatementArguments) {
        switch filter {
        case .all(let parts), .any(let parts):
            guard !parts.isEmpty else { return ("1", []) }
            let joiner = if case .all = filter { " AND " } else { " OR " }
            var arguments = StatementArguments()
            var sql: [String] = []
            for part in parts {
                let compiled = try condition(for: part)
                sql.append("(\(compiled.sql))")
                arguments += compiled.arguments
            }
            return (sql.joined(separator: joiner), arguments)
        case .isNull(let name):
            return ("\(table.quotedColumn(of: try field(named: name))) IS NULL", [])
        case .isNotNull(let name):
            return ("\(table.quotedColumn(of: try field(named: name))) IS NOT NULL", [])
        case .compare(let name, let comparison, let text):
            let field = try field(named: name)
            let column = table.quotedColumn(of: field)
            if comparison == .contains || comparison == .like {
                guard field.type.hasLength else {
                    throw RecordError.operatorNotApplicable(
                        field: field.name, operator: comparison.rawValue, type: field.type.description)
                }
                if comparison == .like { return ("\(column) LIKE ?", [text]) }
                let escaped = text.replacingOccurrences(of: "\\", with: "\\\\")
                    .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
                return ("\(column) LIKE ? ESCAPE '\\'", ["%\(escaped)%"])
            }
            let value: FieldValue
            do {
                value = try field.conditionValue(from: text)
            } catch {
                throw RecordError.invalidValue(field: field.name, value: text, problem: error)
            }
            if value.isNull {
                switch comparison {
                case .equals: return ("\(column) IS NULL", [])
                case .notEquals: return ("\(column) IS NOT NULL", [])
                default: return ("0", [])  // nothing is greater or less than no value
                }
            }
            let op =
                switch comparison {
                case .equals: "="
                case .notEquals: "<>"
                case .greater: ">"
                case .greaterOrEqual: ">="
                case .less: "<"
                case .lessOrEqual: "<="
                case .contains, .like: "LIKE"
                }
            // Marketing Cloud's `ne` keeps rows whose value is empty.
            let orNull = comparison == .notEquals ? " OR \(column) IS NULL" : ""
            return ("\(column) \(op) ?\(orNull)", [value.databaseValue])
        }
    }

    private func field(named name: String) throws -> Field {
        guard let field = table.stored.definition.field(named: name) else {
            throw RecordError.unknownField(dataExtension: table.stored.definition.name, field: name)
        }
        return field
    }
}
