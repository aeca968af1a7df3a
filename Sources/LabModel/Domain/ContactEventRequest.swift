/// A `contactEvents` call: fire a Contact Builder event for a contact with data for the event's
/// data extension.
public struct ContactEventRequest: Sendable, Hashable {
    public var eventKey: String
    /// By key or ID; may instead come as a `ContactKey` value in the data.
    public var contact: ContactReference?
    public var data: [ContactEventData]

    public init(eventKey: String, contact: ContactReference? = nil, data: [ContactEventData] = []) {
        self.eventKey = eventKey
        self.contact = contact
        self.data = data
    }
}

/// One element of `data`: which data extension (external key `id` and `name`, which is
/// required) and the rows (`items`), each a list of name/value pairs.
public struct ContactEventData: Sendable, Hashable {
    public var externalKey: String?
    public var name: String?
    /// The caller's own key for the data; kept for the journal.
    public var key: String?
    public var items: [[NameValue]]

    public init(externalKey: String? = nil, name: String?, key: String? = nil, items: [[NameValue]]) {
        self.externalKey = externalKey
        self.name = name
        self.key = key
        self.items = items
    }
}

public struct NameValue: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}
