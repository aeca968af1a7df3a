import CNCursesW

/// The default look of each style role as curses attributes. Every role that carries meaning
/// also gets bold, reverse or underline, so it still reads without colors (`NO_COLOR`).
enum ColorPairs {
    private static let roles = StyleRole.allCases

    static func install() {
        for (index, role) in roles.enumerated() {
            let (foreground, background) = colors(for: role)
            init_pair(Int16(index + 1), foreground, background)
        }
    }

    static func attributes(for style: Style, colors: Bool) -> UInt32 {
        var attributes: UInt32 = 0
        if colors, let index = roles.firstIndex(of: style.role) {
            attributes |= UInt32(bitPattern: cnc_color_pair(Int32(index + 1)))
        }
        switch style.role {
        case .title, .error: attributes |= cnc_a_bold()
        case .selected: attributes |= cnc_a_reverse()
        case .highlight: attributes |= colors ? cnc_a_bold() : cnc_a_reverse()
        case .muted, .hint: attributes |= colors ? 0 : cnc_a_dim()
        case .accent, .success, .warning: attributes |= colors ? 0 : cnc_a_underline()
        case .normal: break
        }
        if style.bold { attributes |= cnc_a_bold() }
        if style.underline { attributes |= cnc_a_underline() }
        return attributes
    }

    private static func colors(for role: StyleRole) -> (Int16, Int16) {
        switch role {
        case .normal: (-1, -1)
        case .muted, .hint: (Int16(COLOR_BLUE), -1)
        case .title: (Int16(COLOR_CYAN), -1)
        case .accent: (Int16(COLOR_CYAN), -1)
        case .selected: (Int16(COLOR_BLACK), Int16(COLOR_CYAN))
        case .highlight: (Int16(COLOR_BLACK), Int16(COLOR_YELLOW))
        case .success: (Int16(COLOR_GREEN), -1)
        case .warning: (Int16(COLOR_YELLOW), -1)
        case .error: (Int16(COLOR_RED), -1)
        }
    }
}
