/// Why a record write or query is refused. Each case names the field, the rule and the value.
public enum RecordError: Error, Sendable, Hashable {
    case invalidValue(field: String, value: String, problem: ValueProblem)
    case unknownField(dataExtension: String, field: String)
    case systemFieldReadOnly(field: String)
    case duplicatePrimaryKey(dataExtension: String, key: [String: String])
    case missingPrimaryKey(dataExtension: String, fields: [String])
    case noPrimaryKey(dataExtension: String)
    case recordNotFound(dataExtension: String, rowID: Int64)
    case operatorNotApplicable(field: String, operator: String, type: String)
}

extension RecordError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .invalidValue(let field, let value, let problem):
            problem == .required ? "\(field) is required." : "\(field): the value \"\(value)\" \(problem)."
        case .unknownField(let dataExtension, let field): "Data extension \(dataExtension) has no field \"\(field)\"."
        case .systemFieldReadOnly(let field): "\(field) is filled in by the platform and cannot be set."
        case .duplicatePrimaryKey(let dataExtension, let key):
            "\(dataExtension) already has a record with \(Self.describe(key))."
        case .missingPrimaryKey(let dataExtension, let fields):
            "\(dataExtension) identifies records by \(fields.joined(separator: ", ")): give a value for each."
        case .noPrimaryKey(let dataExtension): "\(dataExtension) has no primary key, so records cannot be matched by key."
        case .recordNotFound(let dataExtension, let rowID): "\(dataExtension) has no record \(rowID)."
        case .operatorNotApplicable(let field, let op, let type): "\(field) is \(type): \"\(op)\" does not apply to it."
        }
    }

    static func describe(_ key: [String: String]) -> String {
        key.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)" }.joined(separator: ", ")
    }
}
