/// The data type of a data extension field, as Marketing Cloud names them.
public enum FieldType: Sendable, Hashable {
    case text
    case number
    case decimal(precision: Int, scale: Int)
    case date
    case boolean
    case emailAddress
    case phone
    case locale

    /// Every type, with the defaults a new field of that type gets.
    public static let all: [FieldType] = [
        .text, .number, .decimal(precision: 18, scale: 0), .date, .boolean, .emailAddress, .phone, .locale,
    ]

    /// Marketing Cloud's exact type name (`EmailAddress`, `Decimal`, ...).
    public var name: String {
        switch self {
        case .text: "Text"
        case .number: "Number"
        case .decimal: "Decimal"
        case .date: "Date"
        case .boolean: "Boolean"
        case .emailAddress: "EmailAddress"
        case .phone: "Phone"
        case .locale: "Locale"
        }
    }

    /// Parses a type name case-insensitively; `Decimal` takes its precision and scale from the arguments.
    public init?(name: String, precision: Int? = nil, scale: Int? = nil) {
        switch name.lowercased() {
        case "text": self = .text
        case "number": self = .number
        case "decimal": self = .decimal(precision: precision ?? 18, scale: scale ?? 0)
        case "date": self = .date
        case "boolean": self = .boolean
        case "emailaddress", "email": self = .emailAddress
        case "phone": self = .phone
        case "locale": self = .locale
        default: return nil
        }
    }

    /// Whether values are strings whose length the field limits.
    public var hasLength: Bool {
        switch self {
        case .text, .emailAddress, .phone, .locale: true
        case .number, .decimal, .date, .boolean: false
        }
    }

    /// The length a new field of this type gets when none is given.
    public var defaultLength: Int? {
        switch self {
        case .text: 50
        case .emailAddress: 254
        case .phone: 50
        case .locale: 5
        case .number, .decimal, .date, .boolean: nil
        }
    }

    /// The lengths Marketing Cloud accepts for this type.
    public var allowedLengths: ClosedRange<Int>? {
        switch self {
        case .text: 1...4000
        case .emailAddress: 1...254
        case .phone: 1...50
        case .locale: 1...5
        case .number, .decimal, .date, .boolean: nil
        }
    }
}

extension FieldType: CustomStringConvertible {
    /// The type as shown to people: `Decimal(18,2)`, `EmailAddress`.
    public var description: String {
        if case .decimal(let precision, let scale) = self { return "Decimal(\(precision),\(scale))" }
        return name
    }
}
