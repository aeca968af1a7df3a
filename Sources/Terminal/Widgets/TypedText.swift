/// One line being typed, with its cursor counted in characters: what a form field and a grid
/// cell share. A combining mark joins the character before it, so the count may not grow.
public struct TypedText: Sendable, Hashable {
    public private(set) var value: String
    public private(set) var cursor: Int

    public init(_ value: String, cursor: Int) {
        self.value = value
        self.cursor = max(0, min(cursor, value.count))
    }

    public mutating func insert(_ character: Character) {
        let before = value.count
        value.insert(character, at: value.index(value.startIndex, offsetBy: cursor))
        cursor += value.count - before
    }

    public mutating func deleteBackward() {
        guard cursor > 0 else { return }
        let before = value.count
        value.remove(at: value.index(value.startIndex, offsetBy: cursor - 1))
        cursor -= before - value.count
    }

    public mutating func deleteForward() {
        guard cursor < value.count else { return }
        value.remove(at: value.index(value.startIndex, offsetBy: cursor))
    }

    public mutating func move(by delta: Int) { cursor = max(0, min(cursor + delta, value.count)) }
}
