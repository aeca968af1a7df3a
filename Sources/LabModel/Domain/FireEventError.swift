/// Why an event could not be fired. Nothing is written when one of these is thrown.
public enum FireEventError: Error, Sendable, Hashable {
    /// No event definition (or Contact Builder event) has this key.
    case unknownEventKey(String)
    /// The Contact Builder event exists but is still a draft.
    case eventNotStarted(event: String, key: String)
    /// Neither a contact key nor a contact ID was given.
    case contactMissing
    case contactNotFound(ContactReference)
    /// The top-level contact key and a `ContactKey` value in the data name different contacts.
    case conflictingContactKeys(String, String)
    /// A `data` element without `name`, by position.
    case dataNameMissing(index: Int)
    case dataExtensionNotFound(DataExtensionReference)
    /// `id` (external key) and `name` name two different data extensions.
    case dataNamesDifferentDataExtensions(externalKey: String, name: String)
    /// The data is addressed to a data extension that is not the event's.
    case dataNotForEvent(dataExtension: String, eventDataExtension: String)
    /// Required fields absent from the data, lower-cased as Marketing Cloud reports them.
    case missingRequiredFields([String])
    case invalidValue(field: String, value: String, problem: ValueProblem)
    case unknownField(dataExtension: String, field: String)
    /// Any other reason the data cannot be a row (a field the platform fills in, ...).
    case invalidRecord(RecordError)
    case duplicatePrimaryKey(dataExtension: String, key: [String: String])
    case automationAlreadyRunning(automation: String)
    case automationHasNoActivities(automation: String)
    /// The trigger's event source has no field that holds contact keys.
    case sourceHasNoContactKey(dataExtension: String)
}

extension FireEventError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .unknownEventKey(let key): "No event definition has the key \"\(key)\"."
        case .eventNotStarted(let event, let key):
            "Event \(event) (key \(key)) is a draft: start it in Data Designer before firing it."
        case .contactMissing: "The event names no contact: send contactKey, contactID, or a ContactKey value in the data."
        case .contactNotFound(let reference): "No contact has the \(reference)."
        case .conflictingContactKeys(let top, let inData):
            "contactKey \"\(top)\" and the ContactKey value \"\(inData)\" in the data name different contacts."
        case .dataNameMissing(let index): "data[\(index)] needs a name: the name of the event's data extension."
        case .dataExtensionNotFound(let reference): "No data extension has the \(reference)."
        case .dataNamesDifferentDataExtensions(let key, let name):
            "data id \"\(key)\" and name \"\(name)\" name two different data extensions."
        case .dataNotForEvent(let dataExtension, let eventDataExtension):
            "The data is addressed to \(dataExtension), but this event's data goes to \(eventDataExtension)."
        case .missingRequiredFields(let fields): "Required Event Data fields are missing: \(fields.joined(separator: ", "))"
        case .invalidValue(let field, let value, let problem): "Event Data field \(field): the value \"\(value)\" \(problem)."
        case .unknownField(let dataExtension, let field): "\(dataExtension) has no field named \"\(field)\"."
        case .invalidRecord(let error): "\(error)"
        case .duplicatePrimaryKey(let dataExtension, let key):
            "\(dataExtension) already has a record with \(RecordError.describe(key))."
        case .automationAlreadyRunning(let automation): "Automation \(automation) is already running."
        case .automationHasNoActivities(let automation): "Automation \(automation) has no activities to run."
        case .sourceHasNoContactKey(let dataExtension):
            "\(dataExtension) has no field that holds contact keys: make it sendable or link it in an attribute group."
        }
    }
}
