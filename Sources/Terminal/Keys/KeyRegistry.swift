/// Every key mode of the app: drives the hint bar, the `?` help screen and docs/keys.md, and
/// says when a key is bound twice among modes that are active together.
public struct KeyRegistry: Sendable, Hashable {
    /// Keys that work wherever keys are not text (quit, help); listed after the screen's.
    public let global: [AnyKeyMode]
    public let modes: [AnyKeyMode]

    public init(global: [AnyKeyMode], modes: [AnyKeyMode]) {
        self.global = global
        self.modes = modes
    }

    /// The hint bar for `modes` (the focused widget first), then the global keys unless the
    /// focused widget takes typing (where `q` is a letter).
    public func hints(for modes: [AnyKeyMode], includingGlobal: Bool = true) -> [KeyHint] {
        (modes + (includingGlobal ? global : [])).flatMap { mode in
            mode.bindings.compactMap { binding in binding.hint.map { KeyHint(keys: binding.keyNames, label: $0) } }
        }
    }

    /// The `?` screen for `modes`: each mode's section, then the global keys.
    public func helpSections(for modes: [AnyKeyMode]) -> [HelpSection] {
        (modes + global).map { mode in
            HelpSection(title: mode.summary, rows: mode.bindings.map { (keys: $0.keyNames, description: $0.help) })
        }
    }

    /// docs/keys.md: every mode as a table.
    public func markdown(title: String, introduction: String) -> String {
        var lines = ["# \(title)", "", introduction, ""]
        for mode in global + modes {
            lines += ["## \(mode.summary)", "", "| Keys | Action |", "| --- | --- |"]
            lines += mode.bindings.map { "| \(Self.escaped($0.keyNames)) | \(Self.escaped($0.help)) |" }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// Keys bound to more than one action among `modes`, which are active at the same time:
    /// whichever mode looked first would win, and the other binding would be a lie.
    public static func conflicts(among modes: [AnyKeyMode]) -> [KeyConflict] {
        var seen: [Key: (mode: String, help: String)] = [:]
        var found: [KeyConflict] = []
        for mode in modes {
            for binding in mode.bindings {
                for key in binding.keys {
                    if let first = seen[key] {
                        found.append(
                            KeyConflict(key: key, first: "\(first.mode): \(first.help)", second: "\(mode.name): \(binding.help)"))
                    } else {
                        seen[key] = (mode.name, binding.help)
                    }
                }
            }
        }
        return found
    }

    private static func escaped(_ text: String) -> String {
        String(text.flatMap { $0 == "|" ? ["\\", "|"] : [$0] })
    }
}

/// One key bound twice among modes active together.
public struct KeyConflict: Sendable, Hashable, CustomStringConvertible {
    public let key: Key
    public let first: String
    public let second: String

    public var description: String { "\(key.helpName) is bound to \"\(first)\" and to \"\(second)\"" }
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
