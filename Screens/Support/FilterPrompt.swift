import Terminal

/// A filter typed on a list's second line: what was typed, whether it is being typed, and why
/// the last one was refused. The list decides what the text means.
struct FilterPrompt {
    var text = ""
    var isTyping = false
    /// Why the typed filter was not applied; typing goes on with the text kept.
    var problem: String?

    enum Outcome {
        /// Enter: apply the text.
        case done
        /// Esc: the filter is gone.
        case cleared
        case edited
    }

    mutating func handle(_ key: Key) -> Outcome? {
        switch AppKeys.filter.action(for: key) {
        case .done: return .done
        case .clear:
            (text, isTyping, problem) = ("", false, nil)
            return .cleared
        case .erase: _ = text.popLast()
        case nil:
            guard case .character(let character) = key else { return nil }
            text.append(character)
        }
        problem = nil
        return .edited
    }

    /// Pasted text, one line's characters.
    mutating func paste(_ pasted: String) {
        text += pasted.filter { $0 != "\n" && $0 != "\r" }.map { $0 == "\t" ? " " : $0 }
        problem = nil
    }

    /// `/ changes it, Esc clears it`, in a list's own keys.
    static func howToChange<Action>(_ mode: KeyMode<Action>, _ change: Action, _ clear: Action) -> String {
        "\(mode.binding(for: change).keyNames) changes it, \(mode.binding(for: clear).keyNames) clears it"
    }

    /// The line being typed, then why the last Enter was refused (the prompt stays: typing goes on).
    /// - Parameter inForce: the filter the list shows meanwhile, when it is not what is typed.
    func notices(example: String, inForce: String?) -> [Notice] {
        let hint = inForce.map { $0 == text ? "" : "  (now: \($0))" } ?? "  (\(example))"
        return [Notice("Filter: \(text)▏" + hint, kind: .prompt)] + (problem.map { [Notice.error($0)] } ?? [])
    }
}
