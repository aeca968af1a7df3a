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

    /// The prompt line while typing, or the refusal.
    func notice(example: String) -> Notice {
        if let problem { return .error(problem) }
        return Notice("Filter: \(text)▏  (\(example))", kind: .prompt)
    }
}
