import Terminal

/// A small screen that proves the terminal layer in a real terminal: what you type, the last
/// key, and the size. Behind the hidden `journeylab terminal-check` verb.
public struct TerminalCheckScreen: Sendable {
    public private(set) var typed = ""
    public private(set) var lastKey: Key?

    public init() {}

    public mutating func update(_ input: RunLoopInput<Never>) -> RunLoopStep {
        guard case .event(let event) = input else { return .unchanged }
        if case .key(let key) = event, let action = AppKeys.terminalCheck.action(for: key) {
            switch action {
            case .quit: return .quit
            case .erase:
                lastKey = key
                if !typed.isEmpty { typed.removeLast() }
            }
            return .redraw
        }
        switch event {
        case .key(.character(let character)):
            lastKey = .character(character)
            typed.append(character)
        case .key(let key):
            lastKey = key
        case .resize:
            break
        case .mouse:
            return .unchanged
        case .paste(let text):
            typed.append(contentsOf: text)
        }
        return .redraw
    }

    public func view(_ size: TerminalSize) -> Buffer {
        var buffer = Buffer(size: size)
        let frame = Rect(size: size)
        let rows = Layout.rows([.fixed(1), .fixed(1), .flexible(1), .fixed(1)], in: frame)
        buffer.fill(rows[0], style: Style(.title))
        buffer.write(" JourneyLab · terminal check", x: 0, y: 0, style: Style(.title, bold: true))
        let body = rows[2].inset(by: 1)
        buffer.write("Type something: \(typed)", x: body.x, y: body.y, clip: body)
        buffer.write("Last key: \(lastKey?.description ?? "none")", x: body.x, y: body.y + 2, style: Style(.muted), clip: body)
        buffer.write("Size: \(size)", x: body.x, y: body.y + 3, style: Style(.muted), clip: body)
        buffer.fill(rows[3], style: Style(.hint))
        KeyHintBar(AppKeys.registry.hints(for: [AppKeys.terminalCheck.erased], includingGlobal: false))
            .render(into: &buffer, area: rows[3])
        return buffer
    }
}
