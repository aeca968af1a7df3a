import Foundation
import LabModel
import Terminal

/// Contact Builder's Data Extensions list: name, external key, row count, sendable; `/` filters.
struct DataExtensionsScreen {
    private(set) var all: [DataExtension] = []
    var table = TableState()
    var filter = ""
    var isFiltering = false
    /// The key last copied, confirmed under the title.
    var copied: String?
    /// The properties dialog, while open.
    var properties: DataExtensionProperties?
    /// What the last change did, confirmed under the title.
    var notice: String?
    /// The create wizard, while open: it takes the whole screen.
    var wizard: DataExtensionWizard?

    enum Outcome {
        case open(DataExtension)
        /// The selected data extension's external key, for the clipboard.
        case copy(String)
        case leave
    }

    static let columns = [
        TableColumn("Name", minimumWidth: 10), TableColumn("External key", minimumWidth: 12),
        TableColumn("Rows", minimumWidth: 4, alignment: .right), TableColumn("Sendable", minimumWidth: 8),
    ]

    var shown: [DataExtension] {
        guard !filter.isEmpty else { return all }
        return all.filter {
            $0.name.localizedCaseInsensitiveContains(filter) || $0.externalKey.localizedCaseInsensitiveContains(filter)
        }
    }

    var modes: [String] {
        if let wizard { return wizard.modes }
        return properties != nil ? ["form"] : (isFiltering ? ["filter"] : ["dataExtensions", "table"])
    }

    /// Whether keys are text (a form, a filter, the wizard), so `q` and `?` are letters.
    var isTyping: Bool { isFiltering || properties != nil || wizard != nil }

    mutating func reload(from workspace: some WorkspaceReading) {
        all = ((try? workspace.dataExtensions()) ?? []).sorted {
            $0.name.localizedCaseInsensitiveCompare($1.name) == .orderedAscending
        }
    }

    mutating func handle(_ key: Key, workspace: Workspace, visibleRows: Int) -> Outcome? {
        copied = nil
        if var open = wizard {
            switch open.handle(key, workspace: workspace) {
            case .cancelled: wizard = nil
            case .created(let created):
                wizard = nil
                (filter, isFiltering) = ("", false)
                reload(from: workspace)
                table.select(all.firstIndex { $0.id == created.id } ?? 0, rowCount: all.count, visibleRows: visibleRows)
                let count = created.fields.count
                notice =
                    "Created \(created.name) with \(count) field\(count == 1 ? "" : "s"), external key \(created.externalKey). p makes it sendable."
            case nil: wizard = open
            }
            return nil
        }
        if var open = properties {
            switch open.state.handle(key) {
            case .cancel: properties = nil
            case .submit:
                do {
                    notice = try open.save(in: workspace)
                    properties = nil
                    reload(from: workspace)
                } catch {
                    open.problem = String(describing: error)
                    properties = open
                }
            case nil: properties = open
            }
            return nil
        }
        notice = nil
        if isFiltering {
            switch AppKeys.filter.action(for: key) {
            case "filter.done": isFiltering = false
            case "filter.clear": (filter, isFiltering) = ("", false)
            case "filter.erase": _ = filter.popLast()
            default:
                if case .character(let character) = key { filter.append(character) }
            }
            table.select(0, rowCount: shown.count, visibleRows: visibleRows)
            return nil
        }
        switch AppKeys.dataExtensions.action(for: key) {
        case "dataExtensions.open":
            let rows = shown
            return rows.indices.contains(table.selected) ? .open(rows[table.selected]) : nil
        case "dataExtensions.filter":
            isFiltering = true
            return nil
        case "dataExtensions.new":
            wizard = DataExtensionWizard(existing: all)
            return nil
        case "dataExtensions.properties":
            let rows = shown
            if rows.indices.contains(table.selected) { properties = DataExtensionProperties(rows[table.selected]) }
            return nil
        case "dataExtensions.copy":
            let rows = shown
            guard rows.indices.contains(table.selected) else { return nil }
            copied = rows[table.selected].externalKey
            return .copy(rows[table.selected].externalKey)
        case "dataExtensions.back": return .leave
        default:
            _ = table.handle(key, rowCount: shown.count, visibleRows: visibleRows)
            return nil
        }
    }

    func render(into buffer: inout Buffer, area: Rect) {
        if let wizard { return wizard.render(into: &buffer, area: area) }
        let parts = Layout.rows([.fixed(2), .flexible(1)], in: area)
        let (header, body) = (parts[0], parts[1])
        let count = all.count
        let title = "Data Extensions · \(count) data extension\(count == 1 ? "" : "s")"
        buffer.write(title, x: header.x, y: header.y, style: Style(.title, bold: true), clip: header)
        let filterLine =
            isFiltering ? "Filter: \(filter)▏" : (filter.isEmpty ? "/ to filter" : "Filter: \(filter) (/ to change)")
        if let notice, !isFiltering {
            buffer.write("✓ " + notice, x: header.x, y: header.y + 1, style: Style(.success), clip: header)
        } else if let copied, !isFiltering {
            buffer.write(
                "✓ Copied the external key \(copied)", x: header.x, y: header.y + 1, style: Style(.success), clip: header)
        } else {
            buffer.write(filterLine, x: header.x, y: header.y + 1, style: Style(isFiltering ? .accent : .muted), clip: header)
        }
        let rows = shown.map { de in
            TableRow(
                id: de.id.uuidString,
                cells: [de.name, de.externalKey, NumberText.grouped(de.rowCount), de.isSendable ? "Yes" : "No"])
        }
        if rows.isEmpty {
            let message = all.isEmpty ? "No data extensions yet: n creates one." : "No data extension matches \"\(filter)\"."
            buffer.write(message, x: body.x, y: body.y + 1, style: Style(.muted), clip: body)
            return
        }
        Table(columns: Self.columns).render(into: &buffer, area: body, source: ArrayTableSource(rows), state: table)
        if let properties { properties.render(into: &buffer, area: area) }
    }
}
