/// A confirm dialog's buttons: what pressing one means.
public enum DialogButton: Sendable, Hashable {
    case confirm, cancel
}

/// Which button of a dialog has focus.
public struct DialogState: Sendable, Hashable {
    public var focusedButton: DialogButton

    /// Focus starts on Cancel, so a stray Enter does not confirm something destructive.
    public init(focusedButton: DialogButton = .cancel) {
        self.focusedButton = focusedButton
    }

    /// ←/→/Tab move the focus, Enter presses the focused button, Esc cancels, and `y` / `n`
    /// confirm or cancel directly.
    /// - Returns: the chosen action; nil while the dialog stays open.
    public mutating func handle(_ key: Key) -> DialogButton? {
        switch WidgetKeys.dialog.action(for: key) {
        case .focusConfirm: focusedButton = .confirm
        case .focusCancel: focusedButton = .cancel
        case .switchButton: focusedButton = focusedButton == .confirm ? .cancel : .confirm
        case .choose: return focusedButton
        case .cancel: return .cancel
        case .confirm: return .confirm
        case nil: break
        }
        return nil
    }
}

/// A confirm dialog: a framed box centred in the area with a title, the wrapped message and
/// `[ Delete ]  [ Cancel ]`. Only the box is drawn over what is behind it.
public struct Dialog: Sendable, Hashable {
    public var title: String
    public var message: String
    public var confirmLabel: String
    public var cancelLabel: String
    public var state: DialogState

    /// The widest message line before it wraps, so a long message makes a readable box.
    public static let maximumMessageWidth = 56

    public init(title: String, message: String, confirmLabel: String = "OK", cancelLabel: String = "Cancel", state: DialogState) {
        self.title = title
        self.message = message
        self.confirmLabel = confirmLabel
        self.cancelLabel = cancelLabel
        self.state = state
    }

    /// The box the dialog takes in `area`.
    public func box(in area: Rect) -> Rect { layout(in: area).box }

    /// The button at (x, y), for clicks.
    public func button(at x: Int, y: Int, in area: Rect) -> DialogButton? {
        let layout = layout(in: area)
        guard y == layout.buttonsY, layout.box.height >= 3, x < layout.content.maxX else { return nil }
        return layout.buttons.first { x >= $0.x && x < $0.x + TextWidth.of($0.text) }?.action
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        let layout = layout(in: area)
        guard layout.box.width >= 2, layout.box.height >= 2 else { return }
        buffer.fill(layout.box)
        Frame(title: title, focused: true).render(into: &buffer, area: layout.box)
        let content = layout.content
        for (row, line) in layout.message.prefix(max(0, layout.buttonsY - content.y - 1)).enumerated() {
            buffer.write(line, x: content.x, y: content.y + row, clip: content)
        }
        guard layout.box.height >= 3 else { return }
        for button in layout.buttons {
            let style = button.action == state.focusedButton ? Style(.selected, bold: true) : Style(.normal)
            buffer.write(button.text, x: button.x, y: layout.buttonsY, style: style, clip: content)
        }
    }

    private struct Button {
        var action: DialogButton
        var text: String
        var x: Int
    }

    private struct Placement {
        var box: Rect
        var message: [String]
        var content: Rect { Frame().inner(box).inset(horizontally: 1) }
        var buttonsY: Int
        var buttons: [Button]
    }

    private static let buttonGap = 2

    /// Border and a column of padding each side; rows: message, a blank, the buttons. When the
    /// area is short the message loses lines first, so the buttons stay.
    private func layout(in area: Rect) -> Placement {
        let texts = ["[ \(confirmLabel) ]", "[ \(cancelLabel) ]"]
        let buttonsWidth = texts.map(TextWidth.of).reduce(0, +) + Self.buttonGap
        let messageWidth = message.split(whereSeparator: \.isNewline).map { TextWidth.of(String($0)) }.max() ?? 0
        let wanted = max(buttonsWidth, TextWidth.of(title) + 2, min(messageWidth, Self.maximumMessageWidth))
        let contentWidth = max(1, min(wanted, area.width - 4))
        let message = message.isEmpty ? [] : TextFitting.wrap(message, to: contentWidth)
        let box = area.centered(width: contentWidth + 4, height: message.count + 4)
        let buttonsY = box.maxY - 2
        var x = box.x + 2 + max(0, (box.width - 4 - buttonsWidth) / 2)
        var buttons: [Button] = []
        for (action, text) in zip([DialogButton.confirm, .cancel], texts) {
            buttons.append(Button(action: action, text: text, x: x))
            x += TextWidth.of(text) + Self.buttonGap
        }
        return Placement(box: box, message: message, buttonsY: buttonsY, buttons: buttons)
    }
}
