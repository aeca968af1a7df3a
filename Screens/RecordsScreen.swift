import Foundation
import LabModel
import Terminal

/// A data extension's records: a table over its rows that reads only the rows on screen,
/// sorted by any column, filtered in the REST API's `$filter` syntax, kept current by the
/// change feed with changed cells highlighted. Adding, editing and deleting go through forms
/// and a confirmation, and run as effects.
final class RecordsScreen: Screen {
    private(set) var dataExtension: DataExtension
    let context: ScreenContext
    var area = Rect(x: 0, y: 0, width: 0, height: 0) {
        didSet { if area != oldValue { readWindow() } }
    }
    var window: PagedWindow<RecordsSource>
    var table = TableState()
    var rows: [TableRow] = []
    var highlights = CellHighlights()
    var filter = FilterPrompt()
    var modal: Modal?
    var notice: Notice?
    /// Why the rows could not be read.
    var problem: String?
    /// A sort waiting for its field's index to be built.
    var pendingSort: (column: Int, ascending: Bool)?
    /// The record being deleted, by name, until the workspace answers.
    var deleting: String?
    /// Every row, filter or not: the kept count, read with the window.
    var unfilteredTotal = 0

    enum Modal {
        case form(RecordForm)
        case sortChooser(SortChooser)
        case deletion(rowID: Int64, name: String, state: DialogState)
    }

    init(dataExtension: DataExtension, context: ScreenContext) {
        self.dataExtension = dataExtension
        self.context = context
        let view = context.recordViews[dataExtension.id] ?? RecordView()
        window = PagedWindow(query: RecordQuery(filter: view.filter))
        filter.end(with: view.filterText)
        (table.sortColumn, table.ascending) = (view.sortColumn, view.ascending)
        window.query.sort = sort(column: view.sortColumn, ascending: view.ascending)
    }

    var title: String { dataExtension.name }

    var keyModes: [AnyKeyMode] {
        switch modal {
        case .form(let form):
            return form.discarding != nil ? [WidgetKeys.dialog.erased] : [WidgetKeys.formDialog.erased, WidgetKeys.form.erased]
        case .sortChooser: return [AppKeys.sortChooser.erased, WidgetKeys.list.erased]
        case .deletion: return [WidgetKeys.dialog.erased]
        case nil:
            if filter.isTyping { return [AppKeys.filter.erased] }
            let records =
                window.query.filter == nil ? AppKeys.records.erased : AppKeys.records.erased(relabeling: [.back: "Clear filter"])
            return [records, WidgetKeys.table.erased]
        }
    }

    var isTakingTyping: Bool { modal != nil || filter.isTyping }

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

    func sort(column: Int?, ascending: Bool) -> RecordSort? {
        column.flatMap {
            dataExtension.fields.indices.contains($0) ? RecordSort(dataExtension.fields[$0].name, ascending: ascending) : nil
        }
    }

    // MARK: Reading

    var source: RecordsSource { RecordsSource(workspace: context.workspace, dataExtension: dataExtension) }

    /// The table, below the header.
    var tableArea: Rect {
        let height = header.height(width: area.width)
        return Rect(x: area.x, y: area.y + height, width: area.width, height: max(0, area.height - height))
    }

    var visibleRows: Int { Table(columns: []).visibleRowCount(in: tableArea) }

    /// Counts (when the query or rows changed) and reads the rows now on screen.
    func readWindow() {
        do {
            try window.count(from: source)
            unfilteredTotal =
                window.query.filter == nil ? window.total : try context.workspace.rowCount(of: .id(dataExtension.id))
            table.keepSelectionVisible(rowCount: window.total, visibleRows: visibleRows)
            try window.read(at: table.offset, count: visibleRows, from: source)
            let fields = dataExtension.fields
            rows = highlights.rows(
                window.items.map { record in (String(record.rowID), fields.map { record[$0].displayText }) },
                now: context.clock())
            problem = nil
        } catch {
            problem = "The records could not be read: \(error)"
        }
    }

    /// Reads again when the rows read no longer fill the table as it is now laid out.
    func keepWindowFitting() {
        let wanted = max(0, min(visibleRows, window.total - table.offset))
        if window.offset != table.offset || window.items.count != wanted { readWindow() }
    }

    func remember() {
        context.recordViews[dataExtension.id] = RecordView(
            filterText: window.query.filter?.text ?? "", filter: window.query.filter, sortColumn: table.sortColumn,
            ascending: table.ascending)
    }

    func refresh(after changes: [WorkspaceChange]) {
        var reread = false
        var recount = false
        for change in changes {
            switch change {
            case .rows(let id, let rowIDs) where id == dataExtension.id:
                window.rowsChanged()
                let shown = Set(window.items.map(\.rowID))
                // A row on screen changed, or an order or a filter may move another one in.
                if rowIDs.contains(where: shown.contains) || window.query != RecordQuery() {
                    reread = true
                } else {
                    recount = true
                }
            case .dataExtension(let id) where id == dataExtension.id:
                window.rowsChanged()
                reread = true
            case .journal(let entry) where entry.entity != "record" && entry.entityIDs.contains(dataExtension.id.storageText):
                // The definition changed: a field added, made sendable.
                do {
                    dataExtension = try context.workspace.dataExtension(.id(dataExtension.id))
                } catch {
                    problem = "\(dataExtension.name) could not be read again: \(error)"
                }
                window.rowsChanged()
                reread = true
            default: break
            }
        }
        if !reread && recount {
            // Rows off screen changed: only rows coming or going show (in the count, maybe at the end).
            let before = window.total
            do {
                try window.count(from: source)
                reread = window.total != before
            } catch {
                problem = "The records could not be counted: \(error)"
            }
        }
        if reread { readWindow() } else { keepWindowFitting() }
    }

    func tick() -> Bool { highlights.fade(&rows, now: context.clock()) }

    // MARK: Effects

    func finished(_ completion: EffectCompletion) {
        defer { keepWindowFitting() }
        switch (completion.effect, completion.result) {
        case (.addRecord, .success(.record(let record))), (.editRecord, .success(.record(let record))):
            let verb = if case .addRecord = completion.effect { "Added" } else { "Saved" }
            modal = nil
            notice = .success("\(verb) \(dataExtension.name(of: record)).")
        case (.addRecord, .failure(let error)), (.editRecord, .failure(let error)):
            guard case .form(var form) = modal else {
                notice = .error("Not saved: \(error)")
                return
            }
            form.refuse(error)
            modal = .form(form)
        case (.deleteRecords, .success):
            // The workspace deletes every row asked for or none (it refuses a row already gone).
            notice = .success("Deleted \(deleting ?? "the record").")
            deleting = nil
        case (.deleteRecords, .failure(let error)):
            notice = .error("\(deleting ?? "The record") was not deleted: \(error)")
            deleting = nil
        case (.buildSortIndex(_, let sort), let result):
            guard let pending = pendingSort, dataExtension.fields[pending.column].name == sort.fieldName else { return }
            pendingSort = nil
            if case .failure(let error) = result {
                notice = .error("Cannot sort by \(sort.fieldName): \(error)")
            } else {
                notice = nil
                applySort(column: pending.column, ascending: pending.ascending)
            }
        default:
            if case .failure(let error) = completion.result { notice = .error(String(describing: error)) }
        }
    }

    // MARK: Drawing

    /// The title (with how many of how many rows a filter shows), and under it what just
    /// happened, the filter being typed and why it was refused, or the filter in force.
    var header: ScreenHeader {
        let count = NumberText.grouped(window.total)
        let noun = window.total == 1 && window.query.filter == nil ? "record" : "records"
        let shown = window.query.filter == nil ? "\(count) \(noun)" : "\(count) of \(NumberText.grouped(unfilteredTotal)) \(noun)"
        let title = "\(dataExtension.name) · \(shown)" + (dataExtension.isSendable ? " · sendable" : "")
        if filter.isTyping || filter.problem != nil {
            return ScreenHeader(title: title, notices: filter.notices(example: filterExample, inForce: window.query.filter?.text))
        }
        // What just happened, and the filter in force whatever happened: a row that stops
        // matching after an edit leaves the table, and the line says why.
        let filtered = window.query.filter.map { condition in
            Notice("Filtered: \(condition.text) · " + FilterPrompt.howToChange(AppKeys.records, .filter, .back), kind: .prompt)
        }
        let notices = [notice, filtered].compactMap { $0 }
        return ScreenHeader(
            title: title, notices: notices.isEmpty ? [.plain("External key \(dataExtension.externalKey)")] : notices)
    }

    /// A filter on this data extension's own fields, as the prompt's example in both readable
    /// syntaxes: a Boolean (the tutorial's `Updated`) if it has one, else its first field.
    var filterExample: String {
        let fields = dataExtension.fields.filter { !$0.isSystem }
        guard let field = fields.first(where: { $0.type == .boolean }) ?? fields.first else {
            return "e.g. Field eq 'value' or Field is value"
        }
        let example: Filter =
            switch field.type {
            case .boolean: .compare(field: field.name, .equals, value: "True")
            case .number, .decimal: .compare(field: field.name, .greater, value: "1")
            default: .compare(field: field.name, .like, value: "S%")
            }
        return "e.g. \(RESTFilterSyntax.text(of: example)) or \(CriteriaTextSyntax.text(of: example))"
    }

    func render(into buffer: inout Buffer, area: Rect) {
        header.render(into: &buffer, area: area)
        let body = tableArea
        if let problem {
            Notice.error(problem).render(into: &buffer, area: body)
            return
        }
        let source = WindowRows(rowCount: window.total, offset: window.offset, rows: rows)
        Table(columns: columns).render(into: &buffer, area: body, source: source, state: table, now: context.clock())
        switch modal {
        case .form(let form): form.render(into: &buffer, area: area)
        case .sortChooser(let chooser): chooser.render(into: &buffer, area: area)
        case .deletion(_, let name, let state):
            Dialog(
                title: "Delete record", message: "Delete \(name) from \(dataExtension.name)? This cannot be undone.",
                confirmLabel: "Delete", cancelLabel: "Cancel", state: state
            ).render(into: &buffer, area: area)
        case nil: break
        }
    }
}
