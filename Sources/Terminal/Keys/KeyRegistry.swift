/// Every key mode of the app: drives the hint bar, the `?` help screen and docs/keys.md.
public struct KeyRegistry: Sendable, Hashable {
    /// Keys that work everywhere (quit, help); listed first.
    public let global: KeyMode
    public let modes: [KeyMode]

    public init(global: KeyMode, modes: [KeyMode]) {
        self.global = global
        self.modes = modes
    }

    public func mode(named name: String) -> KeyMode? { modes.first { $0.name == name } }

    /// The hint bar for `modes` (the focused widget first), then the global keys unless the
    /// focused widget takes typing (where `q` is a letter).
    /// A key an earlier mode binds is that mode's: a later mode's hint for it is left out.
    public func hints(for names: [String], includingGlobal: Bool = true) -> [KeyHint] {
        var claimed = Set<Key>()
        return (names.compactMap(mode(named:)) + (includingGlobal ? [global] : [])).flatMap { mode in
            let hints = mode.bindings.compactMap { binding in
                binding.keys.contains(where: claimed.contains)
                    ? nil : binding.hint.map { KeyHint(keys: binding.keyNames, label: $0) }
            }
            claimed.formUnion(mode.bindings.flatMap(\.keys))
            return hints
        }
    }

    /// The `?` screen for `modes`: each mode's section, then the global keys.
    public func helpSections(for names: [String]) -> [HelpSection] {
        (names.compactMap(mode(named:)) + [global]).map { mode in
            HelpSection(title: mode.summary, rows: mode.bindings.map { (keys: $0.keyNames, description: $0.help) })
        }
    }

    /// docs/keys.md: every mode as a table.
    public func markdown(title: String, introduction: String) -> String {
        var lines = ["# \(title)", "", introduction, ""]
        for mode in [global] + modes {
            lines += ["## \(mode.summary)", "", "| Keys | Action |", "| --- | --- |"]
            lines += mode.bindings.map { "| \(Self.escaped($0.keyNames)) | \(Self.escaped($0.help)) |" }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    private static func escaped(_ text: String) -> String {
        String(text.flatMap { $0 == "|" ? ["\\", "|"] : [$0] })
    }
}

/// A key and its label on the hint bar.
public struct KeyHint: Sendable, Hashable {
    public let keys: String
    public let label: String

    public init(keys: String, label: String) {
        self.keys = keys
        self.label = label
    }
}
