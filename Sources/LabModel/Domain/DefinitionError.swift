/// Why a data extension or field definition is refused. Each case names the thing and the rule.
public enum DefinitionError: Error, Sendable, Hashable {
    case emptyName(what: String)
    case nameTooLong(what: String, name: String, maximum: Int)
    /// A name or key holding a NUL character: stored, it would end there.
    case holdsNUL(what: String)
    case duplicateDataExtensionName(String)
    case duplicateExternalKey(String)
    case noFields
    case duplicateFieldName(String)
    case lengthNotAllowed(field: String, type: String)
    case lengthOutOfRange(field: String, length: Int, allowed: ClosedRange<Int>)
    case precisionOutOfRange(field: String, precision: Int)
    case scaleOutOfRange(field: String, scale: Int, precision: Int)
    case invalidDefault(field: String, value: String, problem: ValueProblem)
    case sendableFieldNotFound(String)
    case sendableFieldWrongType(field: String, type: String)
    case systemFieldReadOnly(field: String)
    case fieldNotFound(dataExtension: String, field: String)
    case fieldInUse(field: String, reason: String)
    /// A change that existing rows would not survive.
    case breaksStoredValues(field: String, reason: String)
    case dataExtensionNotFound(DataExtensionReference)
    case dataExtensionInUse(dataExtension: String, by: String)
}

extension DefinitionError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .emptyName(let what): "The \(what) needs a name."
        case .nameTooLong(let what, let name, let maximum): "The \(what) name \"\(name)\" is longer than \(maximum) characters."
        case .holdsNUL(let what): "The \(what) contains a NUL character, which cannot be stored."
        case .duplicateDataExtensionName(let name): "A data extension named \"\(name)\" already exists."
        case .duplicateExternalKey(let key): "The external key \"\(key)\" is already used by another data extension."
        case .noFields: "A data extension needs at least one field."
        case .duplicateFieldName(let name): "Two fields are named \"\(name)\" (names ignore case)."
        case .lengthNotAllowed(let field, let type): "Field \(field): a \(type) field has no length."
        case .lengthOutOfRange(let field, let length, let allowed):
            "Field \(field): length \(length) is outside \(allowed.lowerBound)–\(allowed.upperBound)."
        case .precisionOutOfRange(let field, let precision):
            "Field \(field): precision \(precision) is outside 1–18."
        case .scaleOutOfRange(let field, let scale, let precision):
            "Field \(field): scale \(scale) must be between 0 and the precision (\(precision))."
        case .invalidDefault(let field, let value, let problem):
            "Field \(field): the default value \"\(value)\" \(problem)."
        case .sendableFieldNotFound(let name): "There is no field \"\(name)\" to relate to Subscriber Key."
        case .sendableFieldWrongType(let field, let type):
            "Field \(field) is \(type): only a Text or EmailAddress field can relate to Subscriber Key."
        case .systemFieldReadOnly(let field): "Field \(field) is added by the platform and cannot be changed."
        case .fieldNotFound(let dataExtension, let field): "Data extension \(dataExtension) has no field \"\(field)\"."
        case .fieldInUse(let field, let reason): "Field \(field) cannot be removed: \(reason)."
        case .breaksStoredValues(let field, let reason): "Field \(field) cannot change that way: \(reason)."
        case .dataExtensionNotFound(let reference): "No data extension has the \(reference)."
        case .dataExtensionInUse(let dataExtension, let user): "\(dataExtension) cannot be deleted: \(user) uses it."
        }
    }
}
