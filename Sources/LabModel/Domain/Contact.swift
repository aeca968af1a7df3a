/// A person Marketing Cloud knows: the contact key callers send, and the numeric contact ID
/// the platform assigns the first time it sees that key.
public struct Contact: Sendable, Hashable {
    public let id: Int64
    public let key: String
}

/// How callers name a contact: by key or by numeric ID.
public enum ContactReference: Sendable, Hashable, CustomStringConvertible {
    case key(String)
    case id(Int64)

    public var description: String {
        switch self {
        case .key(let key): "contact key \(key)"
        case .id(let id): "contact ID \(id)"
        }
    }
}
