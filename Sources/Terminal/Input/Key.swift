/// A key press, decoded from the terminal: printable text, a named key, or Ctrl with a letter.
public enum Key: Sendable, Hashable, CustomStringConvertible {
    case character(Character)
    case up, down, left, right
    case home, end, pageUp, pageDown
    case enter, escape, tab, backTab, backspace, delete, insert
    case function(Int)
    /// Ctrl held with a letter: `.control("c")` is Ctrl-C.
    case control(Character)

    public var description: String {
        switch self {
        case .character(let character): String(character)
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Del"
        case .insert: "Ins"
        case .function(let number): "F\(number)"
        case .control(let letter): "Ctrl-\(letter.uppercased())"
        }
    }

    /// Decodes a character `wget_wch` returned as text: control codes become named keys.
    static func decodingText(_ value: UInt32) -> Key? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(value + 96)!))
        default:
            guard let scalar = Unicode.Scalar(value), value >= 32 else { return nil }
            return .character(Character(scalar))
        }
    }
}

/// What the terminal tells the app.
public enum TerminalEvent: Sendable, Hashable {
    case key(Key)
    case resize(TerminalSize)
    case mouse(MouseEvent)
    /// Text pasted in one piece (bracketed paste): line breaks as "\n", tabs as "\t". Arriving
    /// whole, it is inserted as written instead of typed key by key with Enter auto-indenting.
    case paste(String)
}

public struct MouseEvent: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case press, release, scrollUp, scrollDown
    }

    public var kind: Kind
    public var x: Int
    public var y: Int

    public init(kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}
