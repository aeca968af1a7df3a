import Foundation
import GRDB

/// How a trigger's filter reads a contact's attributes: fields of the event-source row `x`, and
/// attributes of other linked data extensions from the contact `c`'s first row there. A missing
/// row reads as empty values, so only `is null` matches it.
struct TriggerFilterFields {
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

    /// The compiler for this trigger's filters; refusals are `ContactModelError`s.
    var compiler: FilterCompiler {
        let rules = FilterRules(source: source.definition, linked: linked.map(\.stored.definition))
        return FilterCompiler(
            column: { name in
                guard let (dataExtensionID, field) = rules.resolveWithSource(name) else { return nil }
                return FilterCompiler.Column(field: field, sql: try expression(for: field, in: dataExtensionID), name: name)
            },
            refuse: { FilterRules.error(for: $0) })
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
