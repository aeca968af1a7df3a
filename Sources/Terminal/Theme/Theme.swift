/// How each style role looks: colors when the terminal has them, and always an attribute for
/// roles that carry meaning, so a monochrome terminal (or `NO_COLOR`) still tells them apart.
public struct Theme: Sendable, Hashable {
    public enum Depth: String, Sendable, Hashable {
        /// No colors: bold, reverse, underline and dim only.
        case monochrome
        /// The eight ANSI colors.
        case basic
        /// The 256-color palette.
        case extended
    }

    public let depth: Depth

    /// One role's look. Colors are palette indexes; nil is the terminal's default.
    public struct Appearance: Sendable, Hashable {
        public var foreground: Int?
        public var background: Int?
        public var bold = false
        public var reverse = false
        public var underline = false
        public var dim = false
    }

    public static let monochrome = Theme(depth: .monochrome)
    public static let basic = Theme(depth: .basic)
    public static let extended = Theme(depth: .extended)

    /// The theme for a terminal with `colorCount` colors, unless `NO_COLOR` is set (any value,
    /// per no-color.org) or the user asked for none.
    public static func choose(colorCount: Int, environment: [String: String], noColor: Bool) -> Theme {
        if noColor || environment["NO_COLOR"] != nil || colorCount < 8 { return .monochrome }
        return colorCount >= 256 ? .extended : .basic
    }

    public func appearance(of role: StyleRole) -> Appearance {
        switch depth {
        case .monochrome: Self.monochromeLook(role)
        case .basic: Self.basicLook(role)
        case .extended: Self.extendedLook(role)
        }
    }

    private static func monochromeLook(_ role: StyleRole) -> Appearance {
        switch role {
        case .normal: Appearance()
        case .muted, .hint: Appearance(dim: true)
        case .title: Appearance(bold: true)
        case .accent, .success, .warning: Appearance(underline: true)
        case .selected, .highlight: Appearance(reverse: true)
        case .error: Appearance(bold: true, underline: true)
        }
    }

    // ANSI indexes: 0 black, 1 red, 2 green, 3 yellow, 4 blue, 6 cyan.
    private static func basicLook(_ role: StyleRole) -> Appearance {
        switch role {
        case .normal: Appearance()
        case .muted, .hint: Appearance(foreground: 4)
        case .title: Appearance(foreground: 6, bold: true)
        case .accent: Appearance(foreground: 6)
        case .selected: Appearance(foreground: 0, background: 6)
        case .highlight: Appearance(foreground: 0, background: 3, bold: true)
        case .success: Appearance(foreground: 2)
        case .warning: Appearance(foreground: 3)
        case .error: Appearance(foreground: 1, bold: true)
        }
    }

    // Softer 256-color shades, readable on dark and light backgrounds and on a projector.
    private static func extendedLook(_ role: StyleRole) -> Appearance {
        switch role {
        case .normal: Appearance()
        case .muted, .hint: Appearance(foreground: 245)
        case .title: Appearance(foreground: 39, bold: true)
        case .accent: Appearance(foreground: 37)
        case .selected: Appearance(foreground: 231, background: 25)
        case .highlight: Appearance(foreground: 16, background: 220, bold: true)
        case .success: Appearance(foreground: 34)
        case .warning: Appearance(foreground: 172)
        case .error: Appearance(foreground: 160, bold: true)
        }
    }
}
