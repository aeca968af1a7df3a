import Foundation
import GRDB

/// Compiles a trigger's contact filter into a SQL condition over the event-source row `x` and
/// the contact `c`. Attributes of other linked data extensions are read from the contact's
/// first row there. A missing row reads as empty values, so only `is null` matches it.
struct TriggerFilterSQL {
    let source: StoredDataExtension
    /// Every data extension linked in an attribute group, with the field holding contact keys.
    let linked: [(stored: StoredDataExtension, keyField: Field)]

    init(source: StoredDataExtension, in db: Database) throws {
        self.source = source
        let groups = try ContactModelStore.attributeGroups(in: db)
        let linkedIDs = Set(groups.flatMap { $0.links.map(\.dataExtensionID) })
        linked = try linkedIDs.sorted { $0.storageText < $1.storageText }.compactMap { id in
            let stored = try StoredDataExtension.load(.id(id), in: db)
            return stored.definition.contactKeyField(in: groups).map { (stored, $0) }
        }
    }

    func condition(_ expression: FilterExpression) throws -> (sql: String, arguments: [DatabaseValue]) {
        switch expression {
        case .condition(let condition):
            return try compile(condition)
        case .group(let join, let parts):
            guard !parts.isEmpty else { return ("1", []) }
            var arguments: [DatabaseValue] = []
            let sql = try parts.map { part in
                let compiled = try condition(part)
                arguments += compiled.arguments
                return "(\(compiled.sql))"
            }
            return (sql.joined(separator: " \(join.rawValue) "), arguments)
        }
    }

    private func compile(_ condition: FilterCondition) throws -> (String, [DatabaseValue]) {
        let rules = FilterRules(source: source.definition, linked: linked.map(\.stored.definition))
        let (dataExtensionID, field) = try rules.resolveWithSource(condition.attribute)
        let column = try expression(for: field, in: dataExtensionID)
        switch condition.operator {
        case .isNull: return ("\(column) IS NULL", [])
        case .isNotNull: return ("\(column) IS NOT NULL", [])
        case .contains:
            let text = condition.value ?? ""
            let escaped = text.replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
            return ("\(column) LIKE ? ESCAPE '\\'", ["%\(escaped)%".databaseValue])
        case .is, .equals, .isNot, .notEquals, .greater, .less:
            let text = condition.value ?? ""
            let value: FieldValue
            do {
                value = try field.conditionValue(from: text)
            } catch {
                throw ContactModelError.filterValueWrongType(attribute: condition.attribute, value: text, problem: error)
            }
            let negated = condition.operator == .isNot || condition.operator == .notEquals
            if value.isNull {
                if condition.operator == .greater || condition.operator == .less { return ("0", []) }
                return ("\(column) IS \(negated ? "NOT " : "")NULL", [])
            }
            switch condition.operator {
            case .greater: return ("\(column) > ?", [value.databaseValue])
            case .less: return ("\(column) < ?", [value.databaseValue])
            // As in record filters, "not equal" keeps contacts with no value.
            case _ where negated: return ("(\(column) <> ? OR \(column) IS NULL)", [value.databaseValue])
            default: return ("\(column) = ?", [value.databaseValue])
            }
        }
    }

    /// `x.c3` for the event source; a subquery for another linked data extension.
    private func expression(for field: Field, in dataExtensionID: UUID) throws -> String {
        if dataExtensionID == source.definition.id { return "x.\(source.column(of: field).quotedDatabaseIdentifier)" }
        guard let (stored, keyField) = linked.first(where: { $0.stored.definition.id == dataExtensionID }) else {
            throw ContactModelError.unknownAttribute(field.name)
        }
        let table = stored.tableName.quotedDatabaseIdentifier
        let value = stored.column(of: field).quotedDatabaseIdentifier
        let key = stored.column(of: keyField).quotedDatabaseIdentifier
        // A subquery's value has no collation of its own: text compares case-insensitively, as its column does.
        let collation = field.type.columnDefinition.hasSuffix("COLLATE NOCASE") ? " COLLATE NOCASE" : ""
        return "(SELECT \(value) FROM \(table) WHERE \(key) = c.contactKey ORDER BY _row LIMIT 1)\(collation)"
    }
}
