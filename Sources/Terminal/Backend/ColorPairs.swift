import CNCursesW

/// A theme as curses color pairs and attributes.
struct ColorPairs {
    let theme: Theme
    private static let roles = StyleRole.allCases

    /// Defines one pair per role; a monochrome theme needs none.
    func install() {
        guard theme.depth != .monochrome else { return }
        for (index, role) in Self.roles.enumerated() {
            let look = theme.appearance(of: role)
            init_pair(Int16(index + 1), Int16(look.foreground ?? -1), Int16(look.background ?? -1))
        }
    }

    func attributes(for style: Style) -> UInt32 {
        let look = theme.appearance(of: style.role)
        var attributes: UInt32 = 0
        if theme.depth != .monochrome, let index = Self.roles.firstIndex(of: style.role) {
            attributes |= UInt32(bitPattern: cnc_color_pair(Int32(index + 1)))
        }
        if look.bold || style.bold { attributes |= cnc_a_bold() }
        if look.reverse { attributes |= cnc_a_reverse() }
        if look.underline || style.underline { attributes |= cnc_a_underline() }
        if look.dim { attributes |= cnc_a_dim() }
        return attributes
    }
}
