/// What a cell means, not how it looks: a theme maps each role to colors and attributes,
/// and a monochrome theme to bold and reverse, so meaning never rests on color alone.
public enum StyleRole: String, Sendable, Hashable, CaseIterable {
    case normal, muted, title, accent, selected, highlight, success, warning, error, hint
}

/// A cell's role plus the emphasis the text itself asks for.
public struct Style: Sendable, Hashable {
    public var role: StyleRole
    public var bold: Bool
    public var underline: Bool

    public init(_ role: StyleRole = .normal, bold: Bool = false, underline: Bool = false) {
        self.role = role
        self.bold = bold
        self.underline = underline
    }

    public static let normal = Style()
}
