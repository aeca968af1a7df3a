import Foundation
import LabModel
import Terminal

/// The app's shell: the navigation mirroring Marketing Cloud's apps, the open section's screen
/// (and the screens opened from it), a title, a key-hint bar and a status bar. It routes
/// inputs, lays out and draws the frame; what a screen does happens in the screen's own file.
public final class JourneyLabApp {
    private var context: AppContext
    private let screens: ScreenContext
    private var size: TerminalSize
    private var navigation: Navigation
    /// Each section's screens by its index, the one shown last: made on the first visit, kept.
    private var stacks: [Int: [any Screen]] = [:]
    private var overlay: AppOverlay?
    /// Screens with an effect running, held until it finishes: the result reaches the screen that
    /// asked even after it was left, and its identity cannot pass to a new screen meanwhile.
    private var waiting: [any Screen] = []
    private let effects: EffectRunner
    /// Puts text on the system clipboard (the terminal's OSC 52).
    private let copy: (String) -> Void

    /// - Parameter sections: the navigation; Marketing Cloud's apps unless a test gives others.
    public init(
        context: AppContext, size: TerminalSize, effects: EffectRunner, sections: [AppSection] = AppSection.all,
        clock: @escaping @Sendable () -> ContinuousClock.Instant = { .now }, copy: @escaping (String) -> Void = { _ in }
    ) {
        navigation = Navigation(sections: sections)
        self.context = context
        self.size = size
        self.effects = effects
        self.copy = copy
        screens = ScreenContext(workspace: context.workspace, clock: clock)
    }

    // MARK: Routing

    public func update(_ input: RunLoopInput<AppMessage>) -> RunLoopStep {
        switch input {
        case .message(let message): return receive(message)
        case .event(.resize(let newSize)):
            size = newSize
            for screen in allScreens { screen.area = layout.content }
            return .redraw
        case .event(.key(let key)): return handle(key)
        case .event(.mouse(let mouse)): return handle(mouse)
        case .event(.paste(let text)):
            guard overlay == nil, isTyping else { return .unchanged }
            return apply(current.handle(.paste(text)), from: current)
        }
    }

    private func receive(_ message: AppMessage) -> RunLoopStep {
        switch message {
        case .workspace(let batch):
            let changes = batch.changes
            for screen in allScreens { screen.refresh(after: changes) }
        case .effectFinished(let completion):
            guard let index = waiting.firstIndex(where: { ObjectIdentifier($0) == completion.screen }) else { break }
            let screen = waiting.remove(at: index)
            if allScreens.contains(where: { $0 === screen }) {
                screen.finished(completion)
            } else if case .failure(let error) = completion.result {
                // The screen that asked was left; the failure is still shown.
                overlay = .message(.failure("Not done", String(describing: error)))
            }
        case .tick: return allScreens.map { $0.tick() }.contains(true) ? .redraw : .unchanged
        case .emulatorStarted(let url): context.emulatorURL = url
        case .emulatorFailed(let reason): context.emulatorProblem = reason
        }
        return .redraw
    }

    private func handle(_ key: Key) -> RunLoopStep {
        if let open = overlay {
            let (after, global) = open.handle(key, helpLimit: AppOverlay.help(for: screenModes).maxScroll(in: layout.body))
            overlay = after
            return global.map(perform) ?? .redraw
        }
        if !isTyping, let action = AppKeys.global.action(for: key) { return perform(action) }
        guard !navigation.isFocused else {
            guard let action = AppKeys.navigation.action(for: key) else { return .unchanged }
            if navigation.handle(action) { openSectionAtItsStart() }
            return .redraw
        }
        return apply(current.handle(.key(key)), from: current)
    }

    private func perform(_ action: GlobalAction) -> RunLoopStep {
        switch action {
        case .help: overlay = .help(scroll: 0)
        case .quit: return .quit
        case .focusNavigation: navigation.focus()
        case .focusContent: navigation.openCursor()
        case .switchPane: if navigation.isFocused { navigation.openCursor() } else { navigation.focus() }
        }
        return .redraw
    }

    private func handle(_ mouse: MouseEvent) -> RunLoopStep {
        guard overlay == nil else { return .unchanged }
        let frame = layout
        if let area = frame.navigation, area.contains(x: mouse.x, y: mouse.y) {
            guard mouse.kind == .press, let index = navigation.section(atY: mouse.y, in: area) else { return .unchanged }
            navigation.open(index)
            openSectionAtItsStart()
            return .redraw
        }
        guard frame.content.contains(x: mouse.x, y: mouse.y) else { return .unchanged }
        if mouse.kind == .press { navigation.close() }
        return apply(current.handle(.mouse(mouse)), from: current)
    }

    private func apply(_ outcome: ScreenOutcome, from screen: any Screen) -> RunLoopStep {
        switch outcome {
        case .handled: return .redraw
        case .ignored: return .unchanged
        case .open(let child):
            child.area = layout.content
            stacks[navigation.selected, default: []].append(child)
        case .back:
            if stack.count > 1 { stacks[navigation.selected]?.removeLast() } else { navigation.focus() }
        case .copy(let request):
            copy(request.value)
            overlay = .message(.copied(request))
        case .run(let effect):
            waiting.append(screen)
            effects.run(effect, for: ObjectIdentifier(screen))
        }
        return .redraw
    }

    /// The open section's screens, made on the first visit.
    private var stack: [any Screen] {
        if let stack = stacks[navigation.selected] { return stack }
        let screen = navigation.section.makeScreen(screens)
        screen.area = layout.content
        stacks[navigation.selected] = [screen]
        return [screen]
    }

    private var current: any Screen { stack[stack.count - 1] }

    /// Opening a section from the navigation shows its first screen, as a menu item does.
    private func openSectionAtItsStart() { stacks[navigation.selected] = stacks[navigation.selected].map { [$0[0]] } }
    private var allScreens: [any Screen] { stacks.keys.sorted().flatMap { stacks[$0] ?? [] } }

    /// Whether keys are text now: the app's own keys (`q`, `?`, `h`) are then the screen's.
    private var isTyping: Bool { !navigation.isFocused && current.isTakingTyping }

    /// The modes of what has the focus under any overlay: the `?` screen lists them.
    private var screenModes: [AnyKeyMode] { navigation.isFocused ? [AppKeys.navigation.erased] : current.keyModes }

    /// Every key mode in force now: a key may be bound once among them (the screen tests check).
    public var activeKeyModes: [AnyKeyMode] {
        switch overlay {
        case .help: return [WidgetKeys.help.erased] + AppKeys.registry.global
        case .message: return [AppKeys.message.erased, AppKeys.always.erased]
        case nil: return screenModes + (isTyping ? [AppKeys.always.erased] : AppKeys.registry.global)
        }
    }

    /// False while a message shows a value, so the terminal's own selection can take it.
    public var capturesMouse: Bool { !(overlay?.showsText ?? false) }

    /// Printed in the shell when Ctrl-Z suspends the app: the emulator stops with it.
    public var suspendNotice: String { context.suspendNotice }

    // MARK: Drawing

    private var layout: AppLayout { AppLayout(size: size, navigationIsFocused: navigation.isFocused) }

    public func view(_ size: TerminalSize) -> Buffer {
        if size != self.size { _ = update(.event(.resize(size))) }
        var buffer = Buffer(size: size)
        let frame = layout
        let trail = ([navigation.section.app] + stack.map(\.title)).joined(separator: " › ")
        frame.drawTitle(" JourneyLab · \(trail)", into: &buffer)
        current.render(into: &buffer, area: frame.content)
        if let area = frame.navigation { navigation.render(into: &buffer, area: area, folded: frame.isFolded) }
        let typing = overlay == nil && isTyping
        let modes = Array(activeKeyModes.prefix { !AppKeys.registry.global.contains($0) })
        KeyHintBar(
            AppKeys.registry.hints(for: modes, includingGlobal: false),
            pinned: typing || overlay != nil
                ? []
                : AppKeys.global.hints(
                    frame.isFolded && !navigation.isFocused ? [.focusNavigation, .help, .quit] : [.help, .quit])
        ).render(into: &buffer, area: frame.hints)
        frame.drawStatus(context, into: &buffer)
        switch overlay {
        case .help(let scroll): AppOverlay.help(for: screenModes, scroll: scroll).render(into: &buffer, area: frame.body)
        case .message(let dialog): dialog.render(into: &buffer, area: frame.body)
        case nil: break
        }
        return buffer
    }
}
