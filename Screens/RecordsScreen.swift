import Foundation
import LabModel
import Terminal

/// A data extension's records: the table over its rows (only the rows on screen are read),
/// sorted by any column, kept current by the change feed, changed cells highlighted.
struct RecordsScreen {
    private(set) var dataExtension: DataExtension
    var table = TableState()
    /// The rows on screen, read at `windowOffset`, as shown and as read (for keyset paging).
    private(set) var window: [TableRow] = []
    private var windowRecords: [Record] = []
    /// The order and filter the window was read with: paging from it only while they hold.
    private var windowQuery: (sort: RecordSort?, filter: RecordFilter?)?
    private(set) var windowOffset = 0
    private(set) var total = 0
    /// With a filter, the matches are counted (a scan) only when the filter or the rows change.
    private var totalIsCurrent = false
    /// When each shown cell last changed, by row id, for the highlight.
    private var changed: [String: [Int: ContinuousClock.Instant]] = [:]
    private var lastValues: [String: [String]] = [:]
    private(set) var problem: String?
    /// Why the typed filter was not applied.
    var problemWithFilter: String?
    /// The add or edit form, while open.
    var form: RecordForm?
    /// The column chooser, while open.
    var sortChooser: SortChooser?
    /// The delete confirmation, while open: the row and its name.
    var deletion: (rowID: Int64, name: String, dialog: DialogState)?
    /// What the last change did, for the line under the title.
    var notice: String?
    /// The filter as typed (`Updated eq 'True'`), the one applied, and whether it is being typed.
    var filterText = ""
    private(set) var filter: RecordFilter? {
        didSet { totalIsCurrent = false }
    }
    var isFiltering = false

    static let highlightDuration: Duration = .seconds(3)
    /// Above this, a window is read from the rows around the one on screen rather than by
    /// offset, which walks every row before it (a jump to the end of a million took 24 ms).
    static let offsetReadLimit = 5_000

    init(dataExtension: DataExtension) { self.dataExtension = dataExtension }

    var columns: [TableColumn] {
        dataExtension.fields.map { field in
            let numeric: Bool =
                switch field.type {
                case .number, .decimal: true
                default: false
                }
            return TableColumn(
                field.name, minimumWidth: min(8, max(4, field.name.count)), alignment: numeric ? .right : .left,
                givesWayFirst: field.isSystem)
        }
    }

    var sort: RecordSort? {
        table.sortColumn.flatMap { column in
            dataExtension.fields.indices.contains(column)
                ? RecordSort(dataExtension.fields[column].name, ascending: table.ascending) : nil
        }
    }

    var hasFreshHighlights: Bool { !changed.isEmpty }

    /// Reads the rows now on screen; cells whose text differs from what was shown for the same
    /// row are marked changed (scrolling brings new rows, not changes). `rowsChanged`: the
    /// workspace changed, so a filtered count is taken again.
    mutating func refresh(
        from workspace: some WorkspaceReading, visibleRows: Int, now: ContinuousClock.Instant, rowsChanged: Bool = false
    ) {
        do {
            if filter == nil || rowsChanged || !totalIsCurrent {
                total = try workspace.rowCount(of: .id(dataExtension.id), matching: filter)
                totalIsCurrent = true
            }
            table.keepSelectionVisible(rowCount: total, visibleRows: visibleRows)
            let records = try readWindow(at: table.offset, count: max(0, visibleRows), from: workspace)
            (windowRecords, windowQuery, windowOffset) = (records, (sort, filter), table.offset)
            let fields = dataExtension.fields
            window = records.map { record in
                let id = String(record.rowID)
                let cells = fields.map { record[$0].displayText }
                if let before = lastValues[id] {
                    for (column, text) in cells.enumerated() where column >= before.count || before[column] != text {
                        changed[id, default: [:]][column] = now
                    }
                }
                lastValues[id] = cells
                return TableRow(id: id, cells: cells, changes: changed[id] ?? [:])
            }
            problem = nil
        } catch {
            problem = String(describing: error)
        }
        fade(now: now)
    }

    /// The `count` rows from `offset`. Near the start, or after the order or filter changed, by
    /// offset; the last screen backwards from the end; elsewhere from the window on screen: a
    /// move of up to a screen reads after a row on screen (a move up finds the new first row
    /// before it, then reads on from there) — each an index walk of a screen of rows, however
    /// deep. Only a far jump walks from the start. Rows added or removed before the window
    /// leave it on the rows it showed; a read that comes back short falls back to the offset.
    private func readWindow(at offset: Int, count: Int, from workspace: some WorkspaceReading) throws -> [Record] {
        let reference = DataExtensionReference.id(dataExtension.id)
        let byOffset = { try workspace.records(of: reference, offset: offset, limit: count, sortedBy: sort, matching: filter) }
        let delta = offset - windowOffset
        let sameQuery = windowQuery.map { $0.sort == sort && $0.filter == filter } ?? false
        guard offset > Self.offsetReadLimit, sameQuery, !windowRecords.isEmpty, count > 0 else { return try byOffset() }
        let expected = min(count, total - offset)
        if offset + count >= total {
            return try workspace.rows(of: reference, before: nil, limit: expected, sortedBy: sort, matching: filter).records
        }
        var first: RecordCursor?
        if (0...windowRecords.count).contains(delta) {
            first =
                delta == 0
                ? RecordCursor(justBefore: windowRecords[0], sortedBy: sort, in: dataExtension)
                : RecordCursor(at: windowRecords[delta - 1], sortedBy: sort, in: dataExtension)
        } else if (-count..<0).contains(delta) {
            let above = try workspace.rows(
                of: reference, before: RecordCursor(at: windowRecords[0], sortedBy: sort, in: dataExtension), limit: -delta,
                sortedBy: sort, matching: filter
            ).records
            if above.count == -delta, let top = above.first {
                first = RecordCursor(justBefore: top, sortedBy: sort, in: dataExtension)
            }
        }
        guard let first else { return try byOffset() }
        let records = try workspace.rows(of: reference, after: first, limit: count, sortedBy: sort, matching: filter).records
        return records.count == expected ? records : try byOffset()
    }

    /// The definition again, after the workspace changed (a field added, made sendable).
    mutating func reloadDefinition(from workspace: some WorkspaceReading) {
        if let definition = try? workspace.dataExtension(.id(dataExtension.id)) { dataExtension = definition }
    }

    /// Forgets highlights that have faded.
    mutating func fade(now: ContinuousClock.Instant) {
        for (id, columns) in changed {
            let fresh = columns.filter { $0.value.duration(to: now) < Self.highlightDuration }
            changed[id] = fresh.isEmpty ? nil : fresh
        }
        window = window.map { row in
            var row = row
            row.changes = changed[row.id] ?? [:]
            return row
        }
        // Rows long off screen need no memory of their values.
        if lastValues.count > 4 * max(window.count, 50) {
            let shown = Set(window.map(\.id))
            lastValues = lastValues.filter { shown.contains($0.key) }
        }
    }

    /// Whether a form, dialog, chooser or filter has the keys (so `q` and `?` are not the app's).
    var isModal: Bool { form != nil || deletion != nil || isFiltering || sortChooser != nil }

    var modes: [String] {
        if isFiltering { return ["filter"] }
        if sortChooser != nil { return ["sortChooser", "list"] }
        if form != nil { return ["form"] }
        if deletion != nil { return ["dialog"] }
        return ["records", "table"]
    }

    /// Keys for the records, the form or the dialog. Saving writes through the workspace; a
    /// refused save keeps the form open with what was typed.
    /// - Returns: false when the key means "back to the list".
    mutating func handle(_ key: Key, workspace: Workspace, visibleRows: Int, now: ContinuousClock.Instant) -> Bool {
        if isFiltering {
            switch AppKeys.filter.action(for: key) {
            case "filter.done":
                do {
                    filter =
                        filterText.trimmingCharacters(in: .whitespaces).isEmpty ? nil : try RecordFilterText.parse(filterText)
                    (isFiltering, notice) = (false, nil)
                } catch {
                    notice = nil
                    problemWithFilter = error.description
                    return true
                }
            case "filter.clear": (filterText, filter, isFiltering) = ("", nil, false)
            case "filter.erase": _ = filterText.popLast()
            default:
                if case .character(let character) = key { filterText.append(character) }
                problemWithFilter = nil
                return true
            }
            problemWithFilter = nil
            table.select(0, rowCount: total, visibleRows: visibleRows)
            refresh(from: workspace, visibleRows: visibleRows, now: now)
            return true
        }
        if var open = form {
            switch open.state.handle(key) {
            case .cancel: form = nil
            case .submit:
                do {
                    switch open.purpose {
                    case .add:
                        let record = try workspace.addRecord(to: .id(dataExtension.id), values: open.values)
                        notice = "Added \(dataExtension.name(of: record))."
                    case .edit(let rowID):
                        let record = try workspace.editRecord(in: .id(dataExtension.id), rowID: rowID, values: open.values)
                        notice = "Saved \(dataExtension.name(of: record))."
                    }
                    form = nil
                } catch {
                    open.refuse(error)
                    form = open
                }
            case nil: form = open
            }
            refresh(from: workspace, visibleRows: visibleRows, now: now)
            return true
        }
        if var chooser = sortChooser {
            switch chooser.handle(key) {
            case .sort(let column, let ascending):
                (table.sortColumn, table.ascending, sortChooser) = (column, ascending, nil)
                table.select(0, rowCount: total, visibleRows: visibleRows)
                refresh(from: workspace, visibleRows: visibleRows, now: now)
            case .cancel: sortChooser = nil
            case nil: sortChooser = chooser
            }
            return true
        }
        if let pending = deletion {
            var dialog = pending.dialog
            switch dialog.handle(key) {
            case .confirm:
                _ = try? workspace.deleteRecords(in: .id(dataExtension.id), rowIDs: [pending.rowID])
                notice = "Deleted \(pending.name)."
                deletion = nil
            case .cancel: deletion = nil
            case nil: deletion = (pending.rowID, pending.name, dialog)
            }
            refresh(from: workspace, visibleRows: visibleRows, now: now)
            return true
        }
        switch AppKeys.records.action(for: key) {
        case "records.back": return false
        case "records.filter": (isFiltering, problemWithFilter) = (true, nil)
        case "records.add": form = RecordForm(purpose: .add, dataExtension: dataExtension)
        case "records.sort":
            sortChooser = SortChooser(fields: dataExtension.fields, current: table.sortColumn, ascending: table.ascending)
        case "records.edit":
            if let record = selectedRecord(in: workspace) {
                form = RecordForm(purpose: .edit(rowID: record.rowID), dataExtension: dataExtension, current: record)
            }
        case "records.delete":
            if let record = selectedRecord(in: workspace) {
                deletion = (record.rowID, dataExtension.name(of: record), DialogState())
            }
        default:
            let before = table
            if table.handle(key, rowCount: total, visibleRows: visibleRows, columnCount: columns.count), before != table {
                refresh(from: workspace, visibleRows: visibleRows, now: now)
            }
        }
        return true
    }

    private func selectedRecord(in workspace: some WorkspaceReading) -> Record? {
        let local = table.selected - windowOffset
        guard window.indices.contains(local), let rowID = Int64(window[local].id) else { return nil }
        return try? workspace.record(in: .id(dataExtension.id), rowID: rowID)
    }

    /// Whether a change in the workspace concerns these records.
    func isAffected(by change: WorkspaceChange) -> Bool {
        switch change {
        case .rows(let id, _), .dataExtension(let id): id == dataExtension.id
        case .journal(let entry): entry.entityIDs.contains(dataExtension.id.storageText)
        default: false
        }
    }

    func render(into buffer: inout Buffer, area: Rect, now: ContinuousClock.Instant) {
        let parts = Layout.rows([.fixed(2), .flexible(1)], in: area)
        let (header, body) = (parts[0], parts[1])
        let sendable = dataExtension.isSendable ? " · sendable" : ""
        let title = "\(dataExtension.name) · \(NumberText.grouped(total)) record\(total == 1 ? "" : "s")\(sendable)"
        buffer.write(title, x: header.x, y: header.y, style: Style(.title, bold: true), clip: header)
        if isFiltering || problemWithFilter != nil {
            let line = problemWithFilter.map { "✗ \($0)" } ?? "Filter: \(filterText)▏  (e.g. Updated eq 'True')"
            buffer.write(
                line, x: header.x, y: header.y + 1, style: Style(problemWithFilter == nil ? .accent : .error), clip: header)
        } else if let notice {
            buffer.write("✓ " + notice, x: header.x, y: header.y + 1, style: Style(.success), clip: header)
        } else {
            let line =
                filter == nil
                ? "External key \(dataExtension.externalKey)"
                : "Filtered: \(filterText) · / changes it, Esc there clears it"
            buffer.write(line, x: header.x, y: header.y + 1, style: Style(filter == nil ? .muted : .accent), clip: header)
        }
        if let problem {
            buffer.write(problem, x: body.x, y: body.y, style: Style(.error), clip: body)
            return
        }
        let source = WindowSource(rowCount: total, offset: windowOffset, rows: window)
        Table(columns: columns).render(into: &buffer, area: body, source: source, state: table, now: now)
        if let form { form.render(into: &buffer, area: area) }
        if let sortChooser { sortChooser.render(into: &buffer, area: area) }
        if let deletion {
            Dialog(
                title: "Delete record", message: "Delete \(deletion.name) from \(dataExtension.name)? This cannot be undone.",
                confirmLabel: "Delete", cancelLabel: "Cancel", state: deletion.dialog
            ).render(into: &buffer, area: area)
        }
    }
}

/// The rows read for the screen, answering the table's request for the same window.
struct WindowSource: TableDataSource {
    let rowCount: Int
    let offset: Int
    let rows: [TableRow]

    func rows(in range: Range<Int>) -> [TableRow] {
        range.map { index in
            let local = index - offset
            return rows.indices.contains(local) ? rows[local] : TableRow(id: "\(index)", cells: ["…"])
        }
    }
}
