/// A form being filled in: its fields, the focused one, the cursor. What was typed is kept
/// whatever happens — a refused save only adds errors next to the fields.
public struct FormState: Sendable, Hashable {
    public var fields: [FormField]
    public var focus = 0
    /// In the focused text or number field, in characters.
    public var cursor: Int

    public init(fields: [FormField]) {
        self.fields = fields
        cursor = fields.first?.value.count ?? 0
    }

    public var values: [String] { fields.map(\.value) }

    /// Handles a key that edits or moves. - Returns: false for keys the form leaves to its
    /// owner (Enter and Esc among them).
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        guard !fields.isEmpty else { return false }
        // The screen may have changed a value under the cursor.
        cursor = max(0, min(cursor, fields[focus].value.count))
        guard let action = WidgetKeys.form.action(for: key) else {
            guard case .character(let character) = key else { return false }
            switch fields[focus].kind {
            case .text, .number: type { $0.insert(character) }
            case .boolean:
                if "tTyY1".contains(character) { set(FormField.trueText) }
                if "fFnN0".contains(character) { set(FormField.falseText) }
            case .choice, .readOnly: break
            }
            return true
        }
        let isTyped = fields[focus].isTyped
        switch action {
        case .next: move(to: (focus + 1) % fields.count)
        case .previous: move(to: (focus + fields.count - 1) % fields.count)
        case .left: step(by: -1)
        case .right: step(by: 1)
        case .start: cursor = 0
        case .end: cursor = fields[focus].value.count
        case .deleteBackward: if isTyped { type { $0.deleteBackward() } }
        case .deleteForward: if isTyped { type { $0.deleteForward() } }
        case .toggle:
            // Space is a character in a typed field.
            if isTyped { type { $0.insert(" ") } } else { step(by: 1) }
        }
        return true
    }

    /// A refused save: the errors by field index; the first field with one gets the focus.
    public mutating func refuse(errors: [Int: String]) {
        for index in fields.indices { fields[index].error = errors[index] }
        if let first = errors.keys.filter(fields.indices.contains).min() { move(to: first) }
    }

    /// Focus a field (a click on its row).
    public mutating func move(to index: Int) {
        guard fields.indices.contains(index) else { return }
        focus = index
        cursor = fields[index].value.count
    }

    private mutating func step(by delta: Int) {
        switch fields[focus].kind {
        case .text, .number: cursor = max(0, min(cursor + delta, fields[focus].value.count))
        case .boolean: set(fields[focus].value == FormField.trueText ? FormField.falseText : FormField.trueText)
        case .choice(let options) where !options.isEmpty:
            let current = options.firstIndex(of: fields[focus].value) ?? -1
            set(options[(current + delta + options.count) % options.count])
        case .choice, .readOnly: break
        }
    }

    private mutating func set(_ value: String) { edit { $0 = value } }

    private mutating func type(_ change: (inout TypedText) -> Void) {
        var text = TypedText(fields[focus].value, cursor: cursor)
        change(&text)
        cursor = text.cursor
        edit { $0 = text.value }
    }

    /// Changing a field clears the error a save gave it; a number is checked as it is typed.
    private mutating func edit(_ change: (inout String) -> Void) {
        change(&fields[focus].value)
        fields[focus].error = fields[focus].typingProblem
    }
}

public struct FormField: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case text
        case number
        /// `True` or `False`, written out.
        case boolean
        case choice([String])
        /// Shown, never changed (a value the platform fills in).
        case readOnly

        /// Whether the value is typed character by character (else switched or fixed).
        var isTyped: Bool {
            switch self {
            case .text, .number: true
            case .boolean, .choice, .readOnly: false
            }
        }
    }

    static let trueText = "True"
    static let falseText = "False"

    public var label: String
    public var kind: Kind
    public var value: String
    public var error: String?

    public init(_ label: String, _ kind: Kind = .text, value: String = "") {
        self.label = label
        self.kind = kind
        self.value = kind == .boolean && value.isEmpty ? Self.falseText : value
    }

    var isTyped: Bool { kind.isTyped }

    /// What is wrong with the value right now, before any save.
    var typingProblem: String? {
        guard kind == .number, !value.isEmpty else { return nil }
        var digits = Substring(value)
        if digits.first == "-" { digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        let isNumber =
            !digits.isEmpty && parts.count <= 2 && parts.allSatisfy { $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
            && !(parts.first?.isEmpty ?? true)
        return isNumber ? nil : "\"\(value)\" is not a number"
    }
}
