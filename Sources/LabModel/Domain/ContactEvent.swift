import Foundation

/// A Contact Builder event (Data Designer's "Create New Event"): fired by key with
/// `contactEvents`, it writes a row to its data extension and lets the contact enter every
/// running journey whose trigger has the same key.
public struct ContactEvent: Sendable, Hashable, Identifiable {
    public let id: UUID
    public var name: String
    /// The journey trigger's event definition key it fires.
    public var eventKey: String
    /// The attribute group the event's contacts belong to.
    public var destinationGroupID: UUID
    /// The data extension that receives the event data, once created.
    public var dataExtensionID: UUID?
    public var state: State

    public enum State: String, Sendable, Hashable {
        case draft = "Draft"
        case running = "Running"
    }

    /// The fields the platform adds to an event's data extension and fills itself.
    public static func systemFields() -> [Field] {
        [
            .system(name: "EventInstanceID", type: .text, isPrimaryKey: true, isRequired: true, length: 36),
            .system(name: "ParentEventInstanceID", type: .text, length: 36),
            .system(name: "ContactKey", type: .text, length: 254),
        ]
    }

    /// The field added to the destination group's root data extension when the event starts.
    static let instanceFieldName = "eventinstanceid"
}
