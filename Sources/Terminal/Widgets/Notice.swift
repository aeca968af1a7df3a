/// A line that says what just happened — saved, refused, still working — under a screen's title
/// or in a dialog. Long messages wrap over the rows given (a GUID or a reason stays readable)
/// and only what still does not fit ends in "…".
public struct Notice: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case success, warning, error, working, plain
        /// Something being typed (a filter): no symbol, in the accent.
        case prompt

        public var role: StyleRole {
            switch self {
            case .success: .success
            case .warning: .warning
            case .error: .error
            case .working, .prompt: .accent
            case .plain: .muted
            }
        }

        /// Said in a symbol too, so the kind never rests on color alone.
        public var symbol: String {
            switch self {
            case .success: "✓ "
            case .warning: "! "
            case .error: "✗ "
            case .working: "… "
            case .plain, .prompt: ""
            }
        }
    }

    public var message: String
    public var kind: Kind

    public init(_ message: String, kind: Kind) {
        self.message = message
        self.kind = kind
    }

    public static func success(_ message: String) -> Notice { Notice(message, kind: .success) }
    public static func error(_ message: String) -> Notice { Notice(message, kind: .error) }
    public static func working(_ message: String) -> Notice { Notice(message, kind: .working) }
    public static func plain(_ message: String) -> Notice { Notice(message, kind: .plain) }

    /// The wrapped lines at `width`, at most `limit` of them; the last one cut with "…" when more
    /// would be needed.
    public func lines(width: Int, limit: Int) -> [String] {
        guard width > 0, limit > 0 else { return [] }
        let wrapped = TextFitting.wrap(kind.symbol + message, to: width)
        guard wrapped.count > limit else { return wrapped }
        let rest = wrapped[(limit - 1)...].joined(separator: " ")
        return wrapped.prefix(limit - 1) + [TextFitting.truncate(rest, to: width)]
    }

    /// Writes the notice from the top of `area`, wrapped over as many rows as it has.
    public func render(into buffer: inout Buffer, area: Rect) {
        for (row, line) in lines(width: area.width, limit: area.height).enumerated() {
            buffer.write(line, x: area.x, y: area.y + row, style: Style(kind.role, bold: kind == .error), clip: area)
        }
    }
}
