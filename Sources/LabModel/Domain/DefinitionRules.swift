import Foundation

/// The rules a data extension definition must meet before anything is written.
enum DefinitionRules {
    static let maximumNameLength = 128
    static let maximumPrecision = 18

    static func checkName(_ name: String, of what: String) throws(DefinitionError) {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw .emptyName(what: what) }
        guard !name.utf8.contains(0) else { throw .holdsNUL(what: "\(what) name") }
        guard trimmed.count <= maximumNameLength else {
            throw .nameTooLong(what: what, name: name, maximum: maximumNameLength)
        }
    }

    static func checkFields(_ fields: [Field]) throws(DefinitionError) {
        guard !fields.isEmpty else { throw .noFields }
        if let first = fieldProblems(fields).first { throw first.error }
    }

    /// Every field's first problem, by position; a repeated name is the later field's problem.
    static func fieldProblems(_ fields: [Field]) -> [(index: Int, error: DefinitionError)] {
        var seen = Set<String>()
        var problems: [(index: Int, error: DefinitionError)] = []
        for (index, field) in fields.enumerated() {
            do throws(DefinitionError) {
                try checkField(field)
                guard seen.insert(field.name.trimmingCharacters(in: .whitespaces).lowercased()).inserted else {
                    throw DefinitionError.duplicateFieldName(field.name)
                }
            } catch {
                problems.append((index, error))
            }
        }
        return problems
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
