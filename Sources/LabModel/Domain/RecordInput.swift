import Foundation

/// Turns what a person or a request typed — field name → text — into checked values.
/// Names match case-insensitively; empty text means no value.
struct RecordInput: Sendable {
    let dataExtension: DataExtension
    /// The engine fills system fields; people and API callers may not.
    var allowsSystemFields = false
    private let exactNames: [String: Int]
    private let foldedNames: [String: Int]
    /// Each field's default, checked once rather than once per record; `GetDate()` fields are nil.
    private let defaults: [FieldValue?]

    init(dataExtension: DataExtension, allowsSystemFields: Bool = false) {
        self.dataExtension = dataExtension
        self.allowsSystemFields = allowsSystemFields
        let names = dataExtension.fields.enumerated().map { ($0.element.name, $0.offset) }
        exactNames = Dictionary(names, uniquingKeysWith: { first, _ in first })
        foldedNames = Dictionary(names.map { ($0.0.lowercased(), $0.1) }, uniquingKeysWith: { first, _ in first })
        defaults = dataExtension.fields.map { $0.defaultIsCurrentDate ? nil : $0.defaultFieldValue(now: Date()) }
    }

    /// Every field's value for a new record, in field order: given values checked, defaults
    /// applied, required fields enforced.
    func newRecord(from input: [String: String], now: Date) throws(RecordError) -> [FieldValue] {
        let fields = dataExtension.fields
        var given = [String?](repeating: nil, count: fields.count)
        for (name, text) in input { given[try index(of: name)] = text }
        var values: [FieldValue] = []
        values.reserveCapacity(fields.count)
        for (index, field) in fields.enumerated() {
            if let text = given[index] {
                try checkSettable(field, text: text)
                values.append(try value(of: field, from: text))
            } else {
                let value = defaults[index] ?? field.defaultFieldValue(now: now)
                if value.isNull && field.isRequired && !field.isSystem {
                    throw .invalidValue(field: field.name, value: "", problem: .required)
                }
                values.append(value)
            }
        }
        return values
    }

    /// Only the values given, checked: what an edit changes.
    func changes(from input: [String: String]) throws(RecordError) -> [Field.ID: FieldValue] {
        var values: [Field.ID: FieldValue] = [:]
        for (name, text) in input {
            let field = dataExtension.fields[try index(of: name)]
            try checkSettable(field, text: text)
            values[field.id] = try value(of: field, from: text)
        }
        return values
    }

    private func index(of name: String) throws(RecordError) -> Int {
        guard let index = exactNames[name] ?? foldedNames[name.lowercased()] else {
            throw .unknownField(dataExtension: dataExtension.name, field: name)
        }
        return index
    }

    private func checkSettable(_ field: Field, text: String) throws(RecordError) {
        if field.isSystem && !allowsSystemFields && !text.isEmpty {
            throw .systemFieldReadOnly(field: field.name)
        }
    }

    private func value(of field: Field, from text: String) throws(RecordError) -> FieldValue {
        do {
            return try field.value(from: text)
        } catch {
            throw .invalidValue(field: field.name, value: text, problem: error)
        }
    }
}

extension DataExtension {
    /// The primary-key values as `name → display text`, for messages and the journal.
    func keyDescription(_ values: [Field.ID: FieldValue]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: primaryKey.map { ($0.name, values[$0.id]?.displayText ?? "") })
    }

    /// Names a record in a sentence: its key values, or its row id when there is no key.
    func recordName(_ values: [Field.ID: FieldValue], rowID: Int64?) -> String {
        if primaryKey.isEmpty { return rowID.map { "row \($0)" } ?? "a row" }
        return RecordError.describe(keyDescription(values))
    }
}

extension DataExtension {
    /// A record as sentences name it: its primary-key values (`EmailAddress sam@…`), or its row.
    public func name(of record: Record) -> String { recordName(record.values, rowID: record.rowID) }
}
