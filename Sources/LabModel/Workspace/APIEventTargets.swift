import GRDB

/// An API event's trigger, its event source and the source's contact key field, as a firing
/// needs them.
struct APIEventTarget: Sendable {
    let definition: EventDefinition
    let source: StoredDataExtension
    let keyField: Field?
    /// The contact's first row in the source, if it has one.
    let contactRowSQL: String
    /// Whether the source has a primary key: then its unique index says whether the row an
    /// event sends is already there, and no query need ask first.
    let hasPrimaryKey: Bool
    /// The caller's data read as a new row (system fields refused), and the row written.
    let callerInput: RecordInput
    let rowInput: RecordInput
    let rowInsertSQL: String
    /// The source's event-instance system field, when it has one: the platform fills it in.
    let instanceField: Field?

    init(definition: EventDefinition, source: StoredDataExtension, keyField: Field?) {
        self.definition = definition
        self.source = source
        self.keyField = keyField
        let column = keyField.map { source.column(of: $0).quotedDatabaseIdentifier } ?? "NULL"
        hasPrimaryKey = !source.definition.primaryKey.isEmpty
        contactRowSQL = "SELECT _row FROM \(source.tableName.quotedDatabaseIdentifier) WHERE \(column) = ? ORDER BY _row LIMIT 1"
        callerInput = RecordInput(dataExtension: source.definition)
        rowInput = RecordInput(dataExtension: source.definition, allowsSystemFields: true)
        rowInsertSQL = source.rowTable.insertSQL
        instanceField = source.definition.field(named: ContactEvent.instanceFieldName).flatMap { $0.isSystem ? $0 : nil }
    }
}

/// The targets read since the definitions last changed, by the key they were fired with.
struct APIEventTargets: Sendable {
    var generation: UInt64 = 0
    var byKey: [String: APIEventTarget] = [:]
}
