import LabModel

/// What a reply needs from a model error, said once per error whichever route meets it: its
/// sentence (`description`), the field it is about, and the kind of refusal it is.
/// `APIError(_:in:)` words it in the dialect of the route's API.
protocol ModelRefusal: Error, CustomStringConvertible {
    var refusalKind: RefusalKind { get }
    /// The field whose value is refused; the hub's row envelopes put it before the sentence.
    var refusedField: String? { get }
}

extension ModelRefusal {
    var refusedField: String? { nil }
}

/// The refusals Marketing Cloud's APIs answer differently.
enum RefusalKind: Sendable, Hashable {
    /// The data sent breaks a field's rule: a value, a required or unknown field, a taken key.
    case invalidData
    /// The contact named does not exist.
    case unknownContact
    /// A journey version that is no longer a draft was to change.
    case versionNotDraft(version: Int, status: String)
    /// The automation cannot run now: it is running, or has nothing to run.
    case automationNotRunnable
    /// Any other rule the request breaks.
    case invalidRequest
}

extension RecordError: ModelRefusal {
    var refusalKind: RefusalKind {
        switch self {
        case .invalidValue, .unknownField, .systemFieldReadOnly, .duplicatePrimaryKey, .missingPrimaryKey: .invalidData
        case .noPrimaryKey, .recordNotFound, .operatorNotApplicable: .invalidRequest
        }
    }

    var refusedField: String? {
        switch self {
        case .invalidValue(let field, _, _), .unknownField(_, let field), .systemFieldReadOnly(let field): field
        case .duplicatePrimaryKey, .missingPrimaryKey, .noPrimaryKey, .recordNotFound, .operatorNotApplicable: nil
        }
    }
}

extension RecordBatchError: ModelRefusal {
    var refusalKind: RefusalKind { error.refusalKind }
    var refusedField: String? { error.refusedField }
}

extension FireEventError: ModelRefusal {
    var refusalKind: RefusalKind {
        switch self {
        case .missingRequiredFields, .invalidValue, .unknownField, .invalidRecord, .duplicatePrimaryKey: .invalidData
        case .contactNotFound: .unknownContact
        case .automationAlreadyRunning, .automationHasNoActivities: .automationNotRunnable
        case .unknownEventKey, .eventNotStarted, .contactMissing, .conflictingContactKeys, .dataNameMissing,
            .dataExtensionNotFound, .dataNamesDifferentDataExtensions, .dataNotForEvent, .sourceHasNoContactKey:
            .invalidRequest
        }
    }

    var refusedField: String? {
        switch self {
        case .invalidValue(let field, _, _), .unknownField(_, let field): field
        case .invalidRecord(let error): error.refusedField
        default: nil
        }
    }
}

extension ContactModelError: ModelRefusal {
    var refusalKind: RefusalKind {
        if case .versionNotEditable(let version, let status) = self { return .versionNotDraft(version: version, status: status) }
        return .invalidRequest
    }
}

extension DefinitionError: ModelRefusal {
    var refusalKind: RefusalKind { .invalidRequest }
}
