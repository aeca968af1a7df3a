import Foundation

/// A journey trigger's event definition: what entries listen for, by key.
public struct EventDefinition: Sendable, Hashable, Identifiable {
    public let id: UUID
    public var key: String
    public var name: String
    public var type: EventDefinitionType
    /// The data extension entries are read from (and API events write to).
    public var dataExtensionID: UUID
    /// The contact filter criteria; nil lets everyone in.
    public var filter: Filter?
}

public enum EventDefinitionType: String, Sendable, Hashable, CaseIterable {
    /// Fired by an automation's Fire Event activity or a Contact Builder event (`contactEvents`).
    case contactEvent = "ContactEvent"
    /// Fired with the `events` REST call.
    case apiEvent = "APIEvent"

    /// The key Marketing Cloud generates for a new definition of this type.
    func generatedKey() -> String {
        let guid = UUID().storageText
        return switch self {
        case .contactEvent: "CONTACT-EVENT-\(guid)"
        case .apiEvent: "APIEvent-\(guid)"
        }
    }
}
