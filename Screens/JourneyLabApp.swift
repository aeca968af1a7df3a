import Foundation
import LabModel
import Terminal

/// The whole app: navigation on the left mirroring Marketing Cloud's apps, the open screen on
/// the right, a key-hint bar and a status bar. Messages come in through `update`, the screen
/// goes out through `view`; nothing else touches the terminal.
public final class JourneyLabApp {
    private var context: AppContext
    private var size: TerminalSize
    private var section = AppSection.dataExtensions
    private var sidebarFocused = false
    private var dataExtensions = DataExtensionsScreen()
    private var records: RecordsScreen?
    private var showsHelp = false
    private var helpScroll = 0
    private let clock: @Sendable () -> ContinuousClock.Instant
    /// Puts text on the system clipboard (the terminal's OSC 52).
    private let copy: (String) -> Void

    static let sidebarWidth = 26

    public init(
        context: AppContext, size: TerminalSize, clock: @escaping @Sendable () -> ContinuousClock.Instant = { .now },
        copy: @escaping (String) -> Void = { _ in }
    ) {
        self.copy = copy
        self.context = context
        self.size = size
        self.clock = clock
        dataExtensions.reload(from: context.workspace)
    }

    // MARK: Update

    public func update(_ input: RunLoopInput<AppMessage>) -> RunLoopStep {
        switch input {
        case .message(.workspace(let changes)):
            dataExtensions.reload(from: context.workspace)
            if var open = records, changes.contains(where: open.isAffected(by:)) {
                open.reloadDefinition(from: context.workspace)
                records = open
                refreshRecords(rowsChanged: true)
            }
            return .redraw
        case .message(.tick):
            guard var open = records, open.hasFreshHighlights else { return .unchanged }
            open.fade(now: clock())
            records = open
            return .redraw
        case .message(.emulatorStarted(let url)):
            context.emulatorURL = url
            return .redraw
        case .message(.emulatorFailed(let reason)):
            context.emulatorProblem = reason
            return .redraw
        case .event(.resize(let newSize)):
            size = newSize
            if records != nil { refreshRecords() }
            return .redraw
        case .event(.key(let key)):
            return handle(key)
        case .event(.mouse(let mouse)):
            return handle(mouse)
        case .event(.paste(let text)):
            // Pasted into whatever takes typing (a form field, a filter), one line's characters.
            guard isTyping else { return .unchanged }
            for character in text where character != "\n" && character != "\r" {
                _ = handle(.character(character == "\t" ? " " : character))
            }
            return .redraw
        }
    }

    private func handle(_ key: Key) -> RunLoopStep {
        if showsHelp {
            switch WidgetKeys.help.action(for: key) {
            case "help.close": showsHelp = false
            default:
                let limit = HelpScreen(sections: AppKeys.registry.helpSections(for: screenModes + ["help"]))
                    .maxScroll(in: frameRows[1])
                if key == .down || key == .pageDown { helpScroll = min(limit, helpScroll + (key == .down ? 1 : 10)) }
                if key == .up || key == .pageUp { helpScroll = max(0, helpScroll - (key == .up ? 1 : 10)) }
            }
            return .redraw
        }
        let typing = isTyping
        if !typing {
            switch AppKeys.global.action(for: key) {
            case "app.help":
                (showsHelp, helpScroll) = (true, 0)
                return .redraw
            case "app.quit" where sidebarFocused || (records == nil && !isSectionAvailable):
                return .quit
            default: break
            }
        }
        if sidebarFocused { return handleSidebar(key) }
        if var open = records {
            records = open.handle(key, workspace: context.workspace, visibleRows: recordRows, now: clock()) ? open : nil
            return .redraw
        }
        guard section == .dataExtensions else {
            if key == .tab || key == .escape || key == .left { sidebarFocused = true }
            return .redraw
        }
        if key == .character("q") && !typing { return .quit }
        switch dataExtensions.handle(key, workspace: context.workspace, visibleRows: contentTableRows) {
        case .copy(let key):
            copy(key)
        case .open(let dataExtension):
            var screen = RecordsScreen(dataExtension: dataExtension)
            screen.refresh(from: context.workspace, visibleRows: recordRows, now: clock())
            records = screen
        case .leave: sidebarFocused = true
        case nil: break
        }
        return .redraw
    }

    /// Whether keys are text right now (a form, a filter, a dialog), so `q` and `?` are letters.
    private var isTyping: Bool {
        !sidebarFocused
            && (records.map(\.isModal)
                ?? (section == .dataExtensions && dataExtensions.isTyping))
    }

    private func handleSidebar(_ key: Key) -> RunLoopStep {
        let sections = AppSection.allCases
        let index = sections.firstIndex(of: section) ?? 0
        switch AppKeys.sidebar.action(for: key) {
        case "sidebar.up": section = sections[max(0, index - 1)]
        case "sidebar.down": section = sections[min(sections.count - 1, index + 1)]
        case "sidebar.open":
            sidebarFocused = false
            records = nil
        default: return .unchanged
        }
        return .redraw
    }

    private func handle(_ mouse: MouseEvent) -> RunLoopStep {
        let content = contentArea
        if mouse.x < content.x {
            // A click on a section in the navigation opens it.
            guard mouse.kind == .press else { return .unchanged }
            if let picked = sidebarLines.firstIndex(where: { $0.y == mouse.y })
                .flatMap({ sidebarLines[$0].section })
            {
                (section, sidebarFocused, records) = (picked, false, nil)
                return .redraw
            }
            return .unchanged
        }
        let body = Rect(x: content.x, y: content.y + 2, width: content.width, height: content.height - 2)
        if var open = records {
            switch mouse.kind {
            case .scrollUp, .scrollDown:
                open.table.scroll(by: mouse.kind == .scrollDown ? 3 : -3, rowCount: open.total, visibleRows: recordRows)
            case .press:
                guard let row = Table(columns: open.columns).row(atY: mouse.y, in: body, state: open.table, rowCount: open.total)
                else { return .unchanged }
                open.table.select(row, rowCount: open.total, visibleRows: recordRows)
            case .release: return .unchanged
            }
            records = open
            refreshRecords()
            return .redraw
        }
        guard section == .dataExtensions, !dataExtensions.isTyping else { return .unchanged }
        let count = dataExtensions.shown.count
        switch mouse.kind {
        case .scrollUp, .scrollDown:
            dataExtensions.table.scroll(by: mouse.kind == .scrollDown ? 3 : -3, rowCount: count, visibleRows: contentTableRows)
        case .press:
            guard
                let row = Table(columns: DataExtensionsScreen.columns).row(
                    atY: mouse.y, in: body, state: dataExtensions.table, rowCount: count)
            else { return .unchanged }
            dataExtensions.table.select(row, rowCount: count, visibleRows: contentTableRows)
            sidebarFocused = false
        case .release: return .unchanged
        }
        return .redraw
    }

    private func refreshRecords(rowsChanged: Bool = false) {
        guard var open = records else { return }
        open.refresh(from: context.workspace, visibleRows: recordRows, now: clock(), rowsChanged: rowsChanged)
        records = open
    }

    private var isSectionAvailable: Bool { section == .dataExtensions }

    // MARK: Layout

    private var frameRows: [Rect] { Layout.rows([.fixed(1), .flexible(1), .fixed(1), .fixed(1)], in: Rect(size: size)) }

    private var contentArea: Rect {
        let columns = Layout.columns([.fixed(Self.sidebarWidth), .fixed(1), .flexible(1)], in: frameRows[1])
        return columns[2].inset(by: 0)
    }

    /// Table rows in the content area below a screen's two header lines.
    private var contentTableRows: Int {
        Table(columns: []).visibleRowCount(in: Rect(x: 0, y: 0, width: 1, height: contentArea.height - 2))
    }
    private var recordRows: Int { contentTableRows }

    private struct SidebarLine {
        let y: Int
        let text: String
        let section: AppSection?
    }

    private var sidebarLines: [SidebarLine] {
        var lines: [SidebarLine] = []
        var y = frameRows[1].y + 1
        var app = ""
        for section in AppSection.allCases {
            if section.app != app {
                app = section.app
                lines.append(SidebarLine(y: y, text: app, section: nil))
                y += 1
            }
            let soon = section == .dataExtensions ? "" : " (soon)"
            lines.append(SidebarLine(y: y, text: "  " + section.rawValue + soon, section: section))
            y += 1
        }
        return lines
    }

    // MARK: View

    public func view(_ size: TerminalSize) -> Buffer {
        var buffer = Buffer(size: size)
        let rows = Layout.rows([.fixed(1), .flexible(1), .fixed(1), .fixed(1)], in: buffer.bounds)
        drawTitle(into: &buffer, area: rows[0])
        let columns = Layout.columns([.fixed(Self.sidebarWidth), .fixed(1), .flexible(1)], in: rows[1])
        drawSidebar(into: &buffer, area: columns[0])
        buffer.fill(columns[1], with: "│", style: Style(.muted))
        let content = columns[2]
        if let open = records {
            open.render(into: &buffer, area: content, now: clock())
        } else if section == .dataExtensions {
            dataExtensions.render(into: &buffer, area: content)
        } else {
            let message = Paragraph(
                markdown:
                    "## \(section.rawValue)\n\n\(section.app) · not yet available in this version of JourneyLab. Data Extensions works today: Tab, then choose it."
            )
            message.render(into: &buffer, area: content)
        }
        // While keys are text, `?` and `q` are letters: their hints would mislead.
        KeyHintBar(AppKeys.registry.hints(for: modes, includingGlobal: !isTyping)).render(into: &buffer, area: rows[2])
        drawStatus(into: &buffer, area: rows[3])
        if showsHelp {
            HelpScreen(sections: AppKeys.registry.helpSections(for: screenModes + ["help"]), scroll: helpScroll, title: "Keys")
                .render(into: &buffer, area: rows[1])
        }
        return buffer
    }

    /// The key modes in force, the focused one first.
    private var modes: [String] { showsHelp ? ["help"] : screenModes }

    /// The modes of what is on screen, under the help if it is open.
    private var screenModes: [String] {
        if sidebarFocused { return ["sidebar"] }
        if let open = records { return open.modes }
        return section == .dataExtensions ? dataExtensions.modes : ["sidebar"]
    }

    private func drawTitle(into buffer: inout Buffer, area: Rect) {
        buffer.fill(area, style: Style(.title))
        var trail = "\(section.app) › \(section.rawValue)"
        if let open = records { trail += " › \(open.dataExtension.name)" }
        if records == nil, section == .dataExtensions, dataExtensions.wizard != nil { trail += " › New" }
        buffer.write(" JourneyLab · \(trail)", x: area.x, y: area.y, style: Style(.title, bold: true), clip: area)
    }

    private func drawSidebar(into buffer: inout Buffer, area: Rect) {
        for line in sidebarLines where line.y < area.maxY {
            let isCurrent = line.section == section
            let style: Style =
                if line.section == nil {
                    Style(.title, bold: true)
                } else if isCurrent {
                    Style(sidebarFocused ? .selected : .accent, bold: true)
                } else {
                    Style(line.section == .dataExtensions ? .normal : .muted)
                }
            if isCurrent && sidebarFocused { buffer.fill(Rect(x: area.x, y: line.y, width: area.width, height: 1), style: style) }
            buffer.write(TextFitting.truncate(line.text, to: area.width), x: area.x, y: line.y, style: style, clip: area)
        }
    }

    private func drawStatus(into buffer: inout Buffer, area: Rect) {
        buffer.fill(area, style: Style(.muted))
        let emulator =
            context.emulatorURL.map { "Emulator \($0)" }
            ?? context.emulatorProblem.map { "Emulator not running: \($0)" } ?? "Emulator starting…"
        let text = " \(emulator) · Pace \(context.pace.rawValue) · Workspace \(context.workspace.path)"
        buffer.write(TextFitting.truncate(text, to: area.width), x: area.x, y: area.y, style: Style(.muted), clip: area)
    }
}
