import Foundation

/// A Contact Builder attribute group: data extensions linked to contacts through a field
/// that holds the contact key.
public struct AttributeGroup: Sendable, Hashable, Identifiable {
    public let id: UUID
    public var name: String
    /// The icon picked in Data Designer, by name (`users`, `star`, ...).
    public var icon: String
    public var links: [AttributeGroupLink]

    /// The link whose data extension row is the contact's attributes, if any.
    public var rootLink: AttributeGroupLink? { links.first(where: \.isRoot) }
}

/// One data extension in an attribute group: Contact Key ↔ one of its fields.
public struct AttributeGroupLink: Sendable, Hashable {
    public let dataExtensionID: UUID
    public let contactKeyFieldID: UUID
    public let cardinality: Cardinality
    /// A root link makes this data extension's row the contact's own attributes.
    public let isRoot: Bool

    public init(dataExtensionID: UUID, contactKeyFieldID: UUID, cardinality: Cardinality, isRoot: Bool) {
        self.dataExtensionID = dataExtensionID
        self.contactKeyFieldID = contactKeyFieldID
        self.cardinality = cardinality
        self.isRoot = isRoot
    }
}

/// How many rows of a linked data extension belong to one contact.
public enum Cardinality: String, Sendable, Hashable, CaseIterable {
    case one = "One"
    case many = "Many"
}
