/// The keys that do one action, with the words the hint bar, the `?` screen and docs/keys.md
/// show. Widgets and screens look their actions up through a `KeyMode`, so what is documented
/// is what happens.
public struct KeyBinding: Sendable, Hashable {
    public let keys: [Key]
    /// What it does, for the help screen and docs.
    public let help: String
    /// A word or two for the hint bar and dialog footers; nil keeps it off the bar.
    public let hint: String?

    public init(_ keys: [Key], help: String, hint: String? = nil) {
        self.keys = keys
        self.help = help
        self.hint = hint
    }

    /// `↑ / k`, `Space`.
    public var keyNames: String { keys.map(\.helpName).joined(separator: " / ") }
}

/// The bindings active in one situation (a screen, a widget with focus, a dialog), over the
/// mode's own enum of actions: every action has a binding (the initializer's `switch` is
/// exhaustive), and code that handles keys switches over the actions, so a mistyped or
/// unhandled action is a compile error.
public struct KeyMode<Action: Hashable & Sendable & CaseIterable>: Sendable {
    public let name: String
    public let summary: String
    /// Every action with its binding, in the order of `Action.allCases`.
    public let bindings: [(action: Action, binding: KeyBinding)]

    public init(name: String, summary: String, binding: (Action) -> KeyBinding) {
        self.name = name
        self.summary = summary
        bindings = Action.allCases.map { ($0, binding($0)) }
    }

    /// The action `key` does here, if any.
    public func action(for key: Key) -> Action? {
        bindings.first { $0.binding.keys.contains(key) }?.action
    }

    public func binding(for action: Action) -> KeyBinding {
        // Every action has a binding: the initializer made one for each case.
        bindings.first { $0.action == action }!.binding
    }

    /// The hint bar's entries for `actions`, those that have a hint.
    public func hints(_ actions: [Action]) -> [KeyHint] {
        actions.compactMap { action in
            let binding = binding(for: action)
            return binding.hint.map { KeyHint(keys: binding.keyNames, label: $0) }
        }
    }

    /// `Enter Save · Esc Cancel`: a dialog's footer, in the words of the hint bar.
    public func footer(_ actions: Action...) -> String {
        actions.map { action in
            let binding = binding(for: action)
            return binding.keyNames + (binding.hint.map { " " + $0 } ?? "")
        }.joined(separator: " · ")
    }

    /// The mode with some hints said otherwise for now (Esc's "Back" is "Clear filter" while a
    /// filter is in force): the keys and what the help says stay the registry's.
    public func erased(relabeling hints: [Action: String]) -> AnyKeyMode {
        AnyKeyMode(
            name: name, summary: summary,
            bindings: bindings.map { pair in
                hints[pair.action].map { KeyBinding(pair.binding.keys, help: pair.binding.help, hint: $0) } ?? pair.binding
            })
    }

    /// The mode as the registry, the hint bar and the help screen see it.
    public var erased: AnyKeyMode {
        AnyKeyMode(name: name, summary: summary, bindings: bindings.map(\.binding))
    }
}

/// A key mode without its action type: what the hint bar, the `?` screen, docs/keys.md and
/// the check for keys bound twice read.
public struct AnyKeyMode: Sendable, Hashable {
    public let name: String
    public let summary: String
    public let bindings: [KeyBinding]

    public init(name: String, summary: String, bindings: [KeyBinding]) {
        self.name = name
        self.summary = summary
        self.bindings = bindings
    }
}

extension Key {
    /// As help texts name it: a space is "Space", letters as typed.
    public var helpName: String {
        if case .character(" ") = self { return "Space" }
        return description
    }
}
