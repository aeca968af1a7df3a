import Foundation
import GRDB

/// Rewrites the trigger filters a workspace stored before the one filter tree, which were
/// written as `{"condition": {"_0": {"attribute", "operator", "value"}}}` and
/// `{"group": {"_0": "AND", "_1": [...]}}`, into the tree's stored shape (`Filter+Codable`).
/// A filter that reads as neither shape stops the migration with the definition it belongs to.
enum FilterJSONMigration {
    static func run(in db: Database) throws {
        let rows = try Row.fetchAll(db, sql: "SELECT id, filter FROM eventDefinition WHERE filter IS NOT NULL")
        for row in rows {
            let id: String = row["id"]
            let json: String = row["filter"]
            let legacy: LegacyFilter
            do {
                legacy = try JSONDecoder().decode(LegacyFilter.self, from: Data(json.utf8))
            } catch {
                throw DatabaseError(
                    message:
                        "The workspace's eventDefinition.filter of \(id) holds \(json), which is not a trigger filter: \(error)")
            }
            let filter = try legacy.filter()
            try db.execute(
                sql: "UPDATE eventDefinition SET filter = ? WHERE id = ?",
                arguments: [String(decoding: try JSONEncoder().encode(filter), as: UTF8.self), id])
        }
    }

    /// The shape Swift's synthesized coding gave the old filter enum.
    private indirect enum LegacyFilter: Decodable {
        case condition(Condition)
        case group(String, [LegacyFilter])

        struct Condition: Decodable {
            let attribute: String
            let `operator`: String
            let value: String?
        }

        func filter() throws -> Filter {
            switch self {
            case .group(let join, let parts):
                let converted = try parts.map { try $0.filter() }
                return join.uppercased() == "OR" ? .any(converted) : .all(converted)
            case .condition(let condition):
                let field = condition.attribute
                let value = condition.value ?? ""
                switch condition.operator {
                case "is null": return .isNull(field: field)
                case "is not null": return .isNotNull(field: field)
                case "is", "equals": return .compare(field: field, .equals, value: value)
                case "is not", "not equals": return .compare(field: field, .notEquals, value: value)
                case "contains": return .compare(field: field, .contains, value: value)
                case "greater": return .compare(field: field, .greater, value: value)
                case "less": return .compare(field: field, .less, value: value)
                default:
                    throw DatabaseError(message: "A stored trigger filter uses the unknown operator \"\(condition.operator)\".")
                }
            }
        }
    }
}
