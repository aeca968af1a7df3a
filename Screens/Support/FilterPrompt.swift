import Terminal

/// A filter typed on a list's second line: the line with its cursor, whether it is being typed,
/// and why the last one was refused. Esc leaves the filter as it was before typing began. The
/// list decides what the text means.
struct FilterPrompt {
    private var typed = TypedText("", cursor: 0)
    /// The text before typing began, for Esc.
    private var before = ""
    private(set) var isTyping = false
    /// Why the typed filter was not applied; typing goes on with the text kept.
    var problem: String?

    var text: String { typed.value }

    enum Outcome {
        /// Enter: apply the text.
        case done
        /// Esc: the text is back to what it was.
        case cancelled
        case edited
    }

    /// Typing starts, from the filter as it is.
    mutating func begin() {
        (before, isTyping, problem) = (typed.value, true, nil)
        typed = TypedText(before, cursor: before.count)
    }

    /// Typing ends with `text` in force (what was applied; empty for none).
    mutating func end(with text: String) {
        (typed, isTyping, problem) = (TypedText(text, cursor: text.count), false, nil)
    }

    mutating func handle(_ key: Key) -> Outcome? {
        guard let action = AppKeys.filter.action(for: key) else {
            guard case .character(let character) = key else { return nil }
            typed.insert(character)
            problem = nil
            return .edited
        }
        switch action {
        case .done: return .done
        case .cancel:
            end(with: before)
            return .cancelled
        case .left: typed.move(by: -1)
        case .right: typed.move(by: 1)
        case .start: typed.move(by: -typed.cursor)
        case .end: typed.move(by: typed.value.count)
        case .deleteBackward: typed.deleteBackward()
        case .deleteForward: typed.deleteForward()
        case .eraseLine: typed = TypedText("", cursor: 0)
        }
        problem = nil
        return .edited
    }

    /// Pasted text at the cursor, one line's characters.
    mutating func paste(_ pasted: String) {
        for character in pastedLine(pasted) { typed.insert(character) }
        problem = nil
    }

    /// `/ changes it, Esc clears it`, in a list's own keys.
    static func howToChange<Action>(_ mode: KeyMode<Action>, _ change: Action, _ clear: Action) -> String {
        "\(mode.binding(for: change).keyNames) changes it, \(mode.binding(for: clear).keyNames) clears it"
    }

    /// The line being typed, the cursor in it, then why the last Enter was refused (the prompt
    /// stays: typing goes on).
    /// - Parameter inForce: the filter the list shows meanwhile, when it is not what is typed.
    func notices(example: String, inForce: String?) -> [Notice] {
        let characters = Array(text)
        let line = String(characters[..<typed.cursor]) + "▏" + String(characters[typed.cursor...])
        let hint = inForce.map { $0 == text ? "" : "  (now: \($0))" } ?? "  (\(example))"
        return [Notice("Filter: \(line)" + hint, kind: .prompt)] + (problem.map { [Notice.error($0)] } ?? [])
    }
}
