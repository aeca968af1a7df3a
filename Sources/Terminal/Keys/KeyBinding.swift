/// One action and the keys that do it, with the words the hint bar, the `?` screen and
/// docs/keys.md show. Widgets look actions up here, so what is documented is what happens.
public struct KeyBinding: Sendable, Hashable {
    /// Stable name of the action (`table.down`); code matches on it.
    public let id: String
    public let keys: [Key]
    /// What it does, for the help screen and docs.
    public let help: String
    /// A word or two for the hint bar; nil keeps it off the bar.
    public let hint: String?

    public init(_ id: String, _ keys: [Key], help: String, hint: String? = nil) {
        self.id = id
        self.keys = keys
        self.help = help
        self.hint = hint
    }

    /// `↑ / k`, `Space`.
    public var keyNames: String { keys.map(\.helpName).joined(separator: " / ") }
}

/// The bindings active in one situation (a screen, a widget with focus, a dialog).
public struct KeyMode: Sendable, Hashable {
    public let name: String
    public let summary: String
    public let bindings: [KeyBinding]

    public init(name: String, summary: String, bindings: [KeyBinding]) {
        self.name = name
        self.summary = summary
        self.bindings = bindings
    }

    /// The action `key` does here, if any.
    public func action(for key: Key) -> String? {
        bindings.first { $0.keys.contains(key) }?.id
    }
}

extension Key {
    /// As help texts name it: a space is "Space", letters as typed.
    public var helpName: String {
        if case .character(" ") = self { return "Space" }
        return description
    }
}
