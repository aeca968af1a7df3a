import Foundation
import LabModel
import Terminal

/// Contact Builder's Data Extensions list: name, external key, row count, sendable; `/`
/// filters, Enter opens the records, `n` creates one through the wizard, `p` the properties.
final class DataExtensionsScreen: Screen {
    private let context: ScreenContext
    var area = Rect(x: 0, y: 0, width: 0, height: 0)
    private(set) var all: [DataExtension] = []
    /// Why the list could not be read: shown instead of an empty list.
    private var problem: String?
    private var table = TableState()
    private var filter = FilterPrompt()
    private var properties: DataExtensionProperties?
    /// The create wizard, while open: it takes the whole screen.
    private var wizard: DataExtensionWizard?
    private var notice: Notice?

    static let columns = [
        TableColumn("Name", minimumWidth: 10), TableColumn("External key", minimumWidth: 12),
        TableColumn("Rows", minimumWidth: 4, alignment: .right), TableColumn("Sendable", minimumWidth: 8),
    ]

    init(context: ScreenContext) {
        self.context = context
        reload()
    }

    var title: String { wizard == nil ? "Data Extensions" : "Data Extensions › New" }

    var keyModes: [AnyKeyMode] {
        if let wizard { return wizard.keyModes }
        if properties != nil { return [WidgetKeys.formDialog.erased, WidgetKeys.form.erased] }
        if filter.isTyping { return [AppKeys.filter.erased] }
        let list =
            filter.text.isEmpty
            ? AppKeys.dataExtensions.erased : AppKeys.dataExtensions.erased(relabeling: [.back: "Clear filter"])
        return [list, WidgetKeys.table.erased]
    }

    var isTakingTyping: Bool { filter.isTyping || properties != nil || wizard != nil }

    var shown: [DataExtension] {
        let text = filter.text
        guard !text.isEmpty else { return all }
        return all.filter {
            $0.name.localizedCaseInsensitiveContains(text) || $0.externalKey.localizedCaseInsensitiveContains(text)
        }
    }

    private var selected: DataExtension? {
        let rows = shown
        return rows.indices.contains(table.selected) ? rows[table.selected] : nil
    }

    private func reload() {
        do {
            all = try context.workspace.dataExtensions().sorted {
                $0.name.localizedCaseInsensitiveCompare($1.name) == .orderedAscending
            }
            problem = nil
        } catch {
            problem = "The data extensions could not be read: \(error)"
        }
    }

    func refresh(after changes: [WorkspaceChange]) {
        // Row counts and definitions show here; fired events, runs and journeys as such do not.
        let matters = changes.contains { change in
            switch change {
            case .rows, .dataExtension: true
            // A Contact Builder event creates its data extension: that shows here too.
            case .journal(let entry): ["dataExtension", "contactEvent"].contains(entry.entity)
            case .eventInstance, .automationRun, .journey: false
            }
        }
        if matters { reload() }
    }

    /// The title (with how many the filter shows), and under it what just happened, the filter
    /// being typed, or the filter in force.
    private var header: ScreenHeader {
        let count = all.count
        let plural = "data extension\(count == 1 ? "" : "s")"
        let title: String =
            if problem != nil {
                "Data Extensions"
            } else if filter.text.isEmpty {
                "Data Extensions · \(count) \(plural)"
            } else {
                "Data Extensions · \(shown.count) of \(count) \(plural)"
            }
        let notices: [Notice] =
            if filter.isTyping {
                filter.notices(example: "part of a name or key", inForce: nil)
            } else if let notice {
                [notice]
            } else if filter.text.isEmpty {
                [.plain("\(AppKeys.dataExtensions.binding(for: .filter).keyNames) to filter")]
            } else {
                [
                    Notice(
                        "Filter: \(filter.text) · " + FilterPrompt.howToChange(AppKeys.dataExtensions, .filter, .back),
                        kind: .prompt)
                ]
            }
        return ScreenHeader(title: title, notices: notices)
    }

    /// The table, below the header.
    private var tableArea: Rect {
        let height = header.height(width: area.width)
        return Rect(x: area.x, y: area.y + height, width: area.width, height: max(0, area.height - height))
    }

    private var visibleRows: Int { Table(columns: []).visibleRowCount(in: tableArea) }

    // MARK: Keys

    func handle(_ input: ScreenInput) -> ScreenOutcome {
        switch input {
        case .key(let key): return handle(key)
        case .paste(let text):
            if filter.isTyping { filter.paste(text) } else { wizard?.paste(text) }
            return .handled
        case .mouse(let mouse):
            guard !isTakingTyping else { return .ignored }
            switch mouse.kind {
            case .scrollUp, .scrollDown:
                table.scroll(by: mouse.kind == .scrollDown ? 3 : -3, rowCount: shown.count, visibleRows: visibleRows)
            case .press:
                guard
                    let row = Table(columns: Self.columns).row(
                        atY: mouse.y, in: tableArea, state: table, rowCount: shown.count)
                else { return .ignored }
                table.select(row, rowCount: shown.count, visibleRows: visibleRows)
            case .release: return .ignored
            }
            return .handled
        }
    }

    private func handle(_ key: Key) -> ScreenOutcome {
        if var open = wizard {
            switch open.handle(key) {
            case .cancelled: wizard = nil
            case .create(let draft):
                wizard = open
                return .run(.createDataExtension(draft))
            case nil: wizard = open
            }
            return .handled
        }
        if var open = properties {
            guard !open.isSaving else { return .handled }
            switch WidgetKeys.formDialog.action(for: key) {
            case .save:
                guard let effect = open.save() else {
                    properties = nil
                    notice = .plain("\(open.dataExtension.name): nothing changed.")
                    return .handled
                }
                properties = open
                return .run(effect)
            case .cancel: properties = nil
            case nil:
                open.state.handle(key)
                properties = open
            }
            return .handled
        }
        if filter.isTyping {
            switch filter.handle(key) {
            case .done: filter.end(with: filter.text)
            case .cancelled, .edited: table.select(0, rowCount: shown.count, visibleRows: visibleRows)
            case nil: return .ignored
            }
            return .handled
        }
        guard let action = AppKeys.dataExtensions.action(for: key) else {
            return table.handle(key, rowCount: shown.count, visibleRows: visibleRows) ? .handled : .ignored
        }
        notice = nil
        switch action {
        case .open:
            guard let dataExtension = selected else { return .handled }
            return .open(RecordsScreen(dataExtension: dataExtension, context: context))
        case .filter: filter.begin()
        case .new: wizard = DataExtensionWizard(existing: all)
        case .properties:
            if let dataExtension = selected { properties = DataExtensionProperties(dataExtension) }
        case .copy:
            guard let dataExtension = selected else { return .handled }
            notice = .success("Sent the external key \(dataExtension.externalKey) to the clipboard")
            return .copy(
                CopyRequest(
                    value: dataExtension.externalKey, what: "The external key of \(dataExtension.name)",
                    command: "journeylab status"))
        case .back:
            guard filter.text.isEmpty else {
                filter.end(with: "")
                table.select(0, rowCount: shown.count, visibleRows: visibleRows)
                return .handled
            }
            return .back
        }
        return .handled
    }

    // MARK: Effects

    func finished(_ completion: EffectCompletion) {
        switch (completion.effect, completion.result) {
        case (.createDataExtension, .success(.dataExtension(let created))):
            wizard = nil
            filter = FilterPrompt()
            reload()
            table.select(all.firstIndex { $0.id == created.id } ?? 0, rowCount: all.count, visibleRows: visibleRows)
            let count = created.fields.count
            notice = .success(
                "Created \(created.name) with \(count) field\(count == 1 ? "" : "s"), external key \(created.externalKey). "
                    + "\(AppKeys.dataExtensions.binding(for: .properties).keyNames) makes it sendable.")
        case (.createDataExtension, .failure(let error)):
            wizard?.refuse(error)
        case (.setSendable, .success(.dataExtension(let changed))):
            notice = properties.map { .success($0.saved(changed)) }
            properties = nil
            reload()
        case (.setSendable, .failure(let error)):
            properties?.refuse(error)
        default:
            if case .failure(let error) = completion.result { notice = .error(String(describing: error)) }
        }
    }

    // MARK: Drawing

    func render(into buffer: inout Buffer, area: Rect) {
        if let wizard { return wizard.render(into: &buffer, area: area) }
        header.render(into: &buffer, area: area)
        let body = tableArea
        if let problem {
            Notice.error(problem).render(into: &buffer, area: Rect(x: body.x, y: body.y + 1, width: body.width, height: 3))
            return
        }
        let rows = shown.map { de in
            TableRow(
                id: de.id.uuidString,
                cells: [de.name, de.externalKey, NumberText.grouped(de.rowCount), de.isSendable ? "Yes" : "No"])
        }
        if rows.isEmpty {
            let message =
                all.isEmpty
                ? "No data extensions yet: \(AppKeys.dataExtensions.binding(for: .new).keyNames) creates one."
                : "No data extension matches \"\(filter.text)\"."
            buffer.write(message, x: body.x, y: body.y + 1, style: Style(.muted), clip: body)
        } else {
            Table(columns: Self.columns).render(into: &buffer, area: body, source: ArrayTableSource(rows), state: table)
        }
        if let properties { properties.render(into: &buffer, area: area) }
    }
}
