import Foundation

/// A data extension: a named table of records with typed fields.
public struct DataExtension: Sendable, Hashable, Identifiable {
    public let id: UUID
    public var name: String
    /// Marketing Cloud's CustomerKey: unique, editable, upper-case GUID when not given.
    public var externalKey: String
    public var description: String
    /// The field related to Subscriber Key when the data extension is sendable.
    public var sendableFieldID: UUID?
    /// In order.
    public var fields: [Field]
    /// Kept current by the database with every insert and delete.
    public var rowCount: Int

    public var isSendable: Bool { sendableFieldID != nil }
    public var sendableField: Field? { fields.first { $0.id == sendableFieldID } }
    public var primaryKey: [Field] { fields.filter(\.isPrimaryKey) }

    /// The field with this name, matched case-insensitively.
    public func field(named name: String) -> Field? { fields.first { $0.isNamed(name) } }
}

/// What a person fills in to create a data extension.
public struct DataExtensionDraft: Sendable, Hashable {
    public var name: String
    /// Generated when nil or blank.
    public var externalKey: String?
    public var description: String
    public var fields: [Field]
    /// The field to relate to Subscriber Key, making the data extension sendable.
    public var sendableFieldName: String?

    public init(
        name: String, externalKey: String? = nil, description: String = "", fields: [Field],
        sendableFieldName: String? = nil
    ) {
        self.name = name
        self.externalKey = externalKey
        self.description = description
        self.fields = fields
        self.sendableFieldName = sendableFieldName
    }
}

/// How callers name a data extension: by id, external key or name.
public enum DataExtensionReference: Sendable, Hashable, CustomStringConvertible {
    case id(UUID)
    case externalKey(String)
    case name(String)

    public var description: String {
        switch self {
        case .id(let id): "id \(id.storageText)"
        case .externalKey(let key): "external key \(key)"
        case .name(let name): "name \(name)"
        }
    }
}
