import Foundation

/// One column of a data extension.
public struct Field: Sendable, Hashable, Identifiable {
    public var id: UUID
    /// As declared; matched case-insensitively within its data extension.
    public var name: String
    public var type: FieldType
    public var isPrimaryKey: Bool {
        didSet { if isPrimaryKey { isRequired = true } }
    }
    /// Always true for a primary-key field.
    public var isRequired: Bool
    /// The maximum number of characters, for text-like types only.
    public var length: Int?
    /// The value a new record gets when none is given, as a person would type it.
    public var defaultValue: String?
    /// Added by the platform (event data extensions, `eventinstanceid`): read-only in forms.
    public internal(set) var isSystem: Bool

    public init(
        id: UUID = UUID(),
        name: String,
        type: FieldType,
        isPrimaryKey: Bool = false,
        isRequired: Bool = false,
        length: Int? = nil,
        defaultValue: String? = nil
    ) {
        self.id = id
        self.name = name
        self.type = type
        self.isPrimaryKey = isPrimaryKey
        self.isRequired = isRequired || isPrimaryKey
        self.length = type.hasLength ? (length ?? type.defaultLength) : length
        self.defaultValue = defaultValue
        self.isSystem = false
    }

    /// A platform-added field; only LabModel makes these.
    static func system(
        name: String, type: FieldType, isPrimaryKey: Bool = false, isRequired: Bool = false, length: Int? = nil
    ) -> Field {
        var field = Field(name: name, type: type, isPrimaryKey: isPrimaryKey, isRequired: isRequired, length: length)
        field.isSystem = true
        return field
    }

    /// The type with its size, as a person reads it: `Text(50)`, `Decimal(18,2)`, `Boolean`.
    public var typeDescription: String {
        if type.hasLength, let length { return "\(type.name)(\(length))" }
        return type.description
    }

    /// Whether `other` names this field (names are case-insensitive).
    public func isNamed(_ other: String) -> Bool {
        name.caseInsensitiveCompare(other) == .orderedSame
    }
}
