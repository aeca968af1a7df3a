/// Pasted text as keys for a one-line field (a form field, a grid cell, a filter): line breaks
/// dropped, a tab typed as a space.
func pastedLine(_ text: String) -> [Character] {
    text.compactMap { character in
        character == "\n" || character == "\r" ? nil : (character == "\t" ? " " : character)
    }
}
