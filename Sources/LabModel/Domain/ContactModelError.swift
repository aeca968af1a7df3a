import Foundation

/// Why a change to contacts, attribute groups, events, journeys, automations or apps is refused.
public enum ContactModelError: Error, Sendable, Hashable {
    case notFound(kind: String, reference: String)
    case duplicateName(kind: String, name: String)
    case duplicateKey(kind: String, key: String)
    case emptyKey(kind: String)
    case contactKeyFieldWrongType(field: String, type: String)
    case groupAlreadyHasRoot(group: String, root: String)
    case rootLinkMustBeOne
    case alreadyLinked(dataExtension: String, group: String)
    case alreadyRootElsewhere(dataExtension: String, group: String)
    case fieldLinksContacts(field: String, group: String)
    case eventSourceNotSendable(dataExtension: String)
    case unknownAttribute(String)
    case filterValueWrongType(attribute: String, value: String, problem: ValueProblem)
    case filterOperatorNotApplicable(attribute: String, operator: String, type: String)
    case activityTargetNotLinked(dataExtension: String)
    case activityValueWrongType(field: String, value: String, problem: ValueProblem)
    case systemFieldNotUpdatable(field: String)
    case waitDurationNotPositive(Int)
    case versionNotEditable(version: Int, status: String)
    case cannotActivate(reason: String)
    case alreadyDraft(version: Int)
    case eventHasNoDataExtension(event: String)
    case eventAlreadyHasDataExtension(event: String)
    case groupHasNoRoot(group: String)
    case noPermissions(app: String)
    case eventDefinitionInUse(key: String, versions: Int)
    case journeyChangedSinceRead(journey: String, modifiedAt: Date)
    case noSuchVersion(journey: String, version: Int, newest: Int, newestIsDraft: Bool)
    case eventFilterInUse(key: String, journey: String, version: Int)
    case cannotStop(version: Int, status: String)
}

extension ContactModelError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .notFound(let kind, let reference): "No \(kind) has the \(reference)."
        case .duplicateName(let kind, let name): "A \(kind) named \"\(name)\" already exists."
        case .duplicateKey(let kind, let key): "The key \"\(key)\" is already used by another \(kind)."
        case .emptyKey(let kind): "The \(kind) needs a key."
        case .contactKeyFieldWrongType(let field, let type):
            "Field \(field) is \(type): Contact Key can only link to a Text or EmailAddress field."
        case .groupAlreadyHasRoot(let group, let root): "Attribute group \(group) already uses \(root) as its root."
        case .rootLinkMustBeOne: "A root link relates one row to each contact: its cardinality must be One."
        case .alreadyLinked(let dataExtension, let group): "\(dataExtension) is already linked in attribute group \(group)."
        case .alreadyRootElsewhere(let dataExtension, let group):
            "\(dataExtension) is already the root of attribute group \(group)."
        case .fieldLinksContacts(let field, let group):
            "Field \(field) links its data extension to contacts in attribute group \(group); unlink it first."
        case .eventSourceNotSendable(let dataExtension):
            "\(dataExtension) cannot be an event source: make it sendable (relate a field to Subscriber Key) or link it as the root of an attribute group."
        case .unknownAttribute(let attribute):
            "The filter names \"\(attribute)\", which is neither a field of the event source nor an attribute of a linked data extension."
        case .filterValueWrongType(let attribute, let value, let problem):
            "Filter on \(attribute): the value \"\(value)\" \(problem)."
        case .filterOperatorNotApplicable(let attribute, let op, let type):
            "Filter on \(attribute): it is \(type), and \"\(op)\" applies to text only."
        case .activityTargetNotLinked(let dataExtension):
            "Update Contact Data cannot find contacts in \(dataExtension): make it sendable or link it in an attribute group."
        case .activityValueWrongType(let field, let value, let problem):
            "Update Contact Data on \(field): the value \"\(value)\" \(problem)."
        case .systemFieldNotUpdatable(let field): "\(field) is filled in by the platform; an activity cannot set it."
        case .waitDurationNotPositive(let duration): "A wait needs a duration of at least 1 (not \(duration))."
        case .versionNotEditable(let version, let status):
            "Version \(version) is \(status): only a draft can change. Create a new draft."
        case .cannotActivate(let reason): "The journey cannot be activated: \(reason)."
        case .alreadyDraft(let version): "Version \(version) is already a draft."
        case .eventHasNoDataExtension(let event): "Event \(event) has no data extension yet: create one first."
        case .eventAlreadyHasDataExtension(let event): "Event \(event) already has its data extension."
        case .groupHasNoRoot(let group): "Attribute group \(group) has no root data extension to receive the event."
        case .noPermissions(let app): "App \(app) needs at least one permission."
        case .eventDefinitionInUse(let key, let versions):
            "Event definition \(key) is the trigger of \(versions) journey version\(versions == 1 ? "" : "s"): it cannot be deleted."
        case .journeyChangedSinceRead(let journey, let modifiedAt):
            "Journey \(journey) changed since it was read (modified \(modifiedAt.formatted(.iso8601))): read it again and reapply the change."
        case .noSuchVersion(let journey, let version, let newest, let newestIsDraft):
            newestIsDraft
                ? "Journey \(journey) has no version \(version): its newest, version \(newest), is a draft — change that one."
                : "Journey \(journey) has no version \(version): write version \(newest + 1) to create a new draft."
        case .eventFilterInUse(let key, let journey, let version):
            "Event definition \(key) is the trigger of \(journey) v\(version), which is running: its entry filter cannot change. Use a new event definition for a different filter."
        case .cannotStop(let version, let status):
            "Version \(version) is \(status): only a Published, Unpublished or Paused version can be stopped."
        }
    }
}
