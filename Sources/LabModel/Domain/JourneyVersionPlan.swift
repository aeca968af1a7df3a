import Foundation

/// A journey version described whole, as a script sends it (Journey Builder's JSON). Written
/// in one transaction and checked by the same rules as the one-step edits the screens make.
public struct JourneyVersionPlan: Sendable, Hashable {
    public var name: String
    public var description: String
    public var entryMode: EntryMode
    public var trigger: TriggerPlan?
    /// In the order contacts meet them.
    public var activities: [ActivityPlan]

    public init(
        name: String, description: String = "", entryMode: EntryMode = .noReEntry, trigger: TriggerPlan? = nil,
        activities: [ActivityPlan] = []
    ) {
        self.name = name
        self.description = description
        self.entryMode = entryMode
        self.trigger = trigger
        self.activities = activities
    }
}

/// A trigger listening to an event definition that already exists. The entry filter belongs to
/// the definition, so every version listening to it applies the same one.
public struct TriggerPlan: Sendable, Hashable {
    public var eventDefinition: EventDefinitionReference
    public var filter: Filter?

    public init(eventDefinition: EventDefinitionReference, filter: Filter?) {
        self.eventDefinition = eventDefinition
        self.filter = filter
    }
}

public struct ActivityPlan: Sendable, Hashable {
    /// Marketing Cloud's activity key; generated (`UPDATECONTACTDATAV2-n`) when nil.
    public var key: String?
    public var name: String?
    public var kind: Kind

    public enum Kind: Sendable, Hashable {
        case updateContactData(dataExtension: DataExtensionReference, field: FieldReference, value: String)
        case wait(duration: Int, unit: WaitUnit)
    }

    public init(key: String? = nil, name: String? = nil, _ kind: Kind) {
        self.key = key
        self.name = name
        self.kind = kind
    }
}

public enum EventDefinitionReference: Sendable, Hashable, CustomStringConvertible {
    case id(UUID)
    case key(String)

    public var description: String {
        switch self {
        case .id(let id): "id \(id.storageText)"
        case .key(let key): "key \(key)"
        }
    }
}

/// A field by the GUID the REST API shows, or by name.
public enum FieldReference: Sendable, Hashable, CustomStringConvertible {
    case id(UUID)
    case name(String)

    public var description: String {
        switch self {
        case .id(let id): id.storageText
        case .name(let name): name
        }
    }

    func resolve(in dataExtension: DataExtension) -> Field? {
        switch self {
        case .id(let id): dataExtension.fields.first { $0.id == id }
        case .name(let name): dataExtension.field(named: name)
        }
    }
}
