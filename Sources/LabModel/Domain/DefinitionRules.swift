import Foundation

/// The rules a data extension definition must meet before anything is written.
enum DefinitionRules {
    static let maximumNameLength = 128
    static let maximumPrecision = 18

    static func checkName(_ name: String, of what: String) throws(DefinitionError) {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw .emptyName(what: what) }
        guard trimmed.count <= maximumNameLength else {
            throw .nameTooLong(what: what, name: name, maximum: maximumNameLength)
        }
    }

    static func checkFields(_ fields: [Field]) throws(DefinitionError) {
        guard !fields.isEmpty else { throw .noFields }
        var seen = Set<String>()
        for field in fields {
            try checkField(field)
            guard seen.insert(field.name.lowercased()).inserted else { throw .duplicateFieldName(field.name) }
        }
    }

    static func checkField(_ field: Field) throws(DefinitionError) {
        try checkName(field.name, of: "field")
        if let allowed = field.type.allowedLengths {
            let length = field.length ?? allowed.upperBound
            guard allowed.contains(length) else {
                throw .lengthOutOfRange(field: field.name, length: length, allowed: allowed)
            }
        } else if field.length != nil {
            throw .lengthNotAllowed(field: field.name, type: field.type.name)
        }
        if case .decimal(let precision, let scale) = field.type {
            guard (1...maximumPrecision).contains(precision) else {
                throw .precisionOutOfRange(field: field.name, precision: precision)
            }
            guard (0...precision).contains(scale) else {
                throw .scaleOutOfRange(field: field.name, scale: scale, precision: precision)
            }
        }
        if let defaultValue = field.defaultValue, !field.defaultIsCurrentDate {
            do {
                _ = try field.value(from: defaultValue)
            } catch {
                throw .invalidDefault(field: field.name, value: defaultValue, problem: error)
            }
        }
    }

    static func checkSendable(_ field: Field) throws(DefinitionError) {
        guard field.type == .text || field.type == .emailAddress else {
            throw .sendableFieldWrongType(field: field.name, type: field.type.description)
        }
    }
}

extension Field {
    /// `GetDate()` on a Date field: Marketing Cloud's "the time the record is added".
    var defaultIsCurrentDate: Bool {
        type == .date && defaultValue?.caseInsensitiveCompare("GetDate()") == .orderedSame
    }

    /// The value a record gets when it names no value for this field.
    func defaultFieldValue(now: Date) -> FieldValue {
        if defaultIsCurrentDate { return .date(.now(now)) }
        guard let defaultValue, let value = try? value(from: defaultValue) else { return .null }
        return value
    }
}
