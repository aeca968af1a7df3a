import Foundation
import LabModel
import Terminal

extension RecordsScreen {
    // MARK: Keys

    func handle(_ input: ScreenInput) -> ScreenOutcome {
        // The notice above the table may have grown or shrunk by a line.
        defer { keepWindowFitting() }
        switch input {
        case .key(let key): return handle(key)
        case .paste(let text):
            if filter.isTyping {
                filter.paste(text)
            } else if case .form(var form) = modal, !form.isSaving {
                for character in pastedLine(text) { form.state.handle(.character(character)) }
                modal = .form(form)
            }
            return .handled
        case .mouse(let mouse): return handle(mouse)
        }
    }

    func handle(_ key: Key) -> ScreenOutcome {
        if let modal { return handle(key, in: modal) }
        if filter.isTyping { return handleFilter(key) }
        guard let action = AppKeys.records.action(for: key) else {
            let before = table
            guard table.handle(key, rowCount: window.total, visibleRows: visibleRows) else { return .ignored }
            if before != table { readWindow() }
            return .handled
        }
        notice = nil
        switch action {
        case .back:
            // Esc clears an active filter, then a sort still waiting, before it leaves.
            if window.query.filter != nil {
                applyFilter(nil)
                notice = .success("Filter cleared: every record again.")
            } else if let pending = pendingSort {
                pendingSort = nil
                let field = dataExtension.fields[pending.column].name
                notice = .plain("Not sorting by \(field) after all (its index is still built, for next time).")
            } else {
                return .back
            }
        case .filter: filter.begin()
        case .add: modal = .form(RecordForm(purpose: .add, dataExtension: dataExtension))
        case .sort:
            modal = .sortChooser(
                SortChooser(fields: dataExtension.fields, current: table.sortColumn, ascending: table.ascending))
        case .edit:
            guard let record = window.item(at: table.selected) else { return .handled }
            modal = .form(RecordForm(purpose: .edit(rowID: record.rowID), dataExtension: dataExtension, current: record))
        case .delete:
            guard let record = window.item(at: table.selected) else { return .handled }
            modal = .deletion(rowID: record.rowID, name: dataExtension.name(of: record), state: DialogState())
        }
        return .handled
    }

    func handleFilter(_ key: Key) -> ScreenOutcome {
        switch filter.handle(key) {
        case .done:
            let text = filter.text.trimmingCharacters(in: .whitespaces)
            do {
                // Counted before it is applied: a filter that reads well but cannot run (a
                // value its field cannot hold) is refused, and the one in force stays.
                var trial = window
                trial.query.filter = text.isEmpty ? nil : try RecordCondition(parsing: text)
                try trial.count(from: source)
                window = trial
                applyFilter(trial.query.filter)
            } catch {
                filter.problem = String(describing: error)
            }
        case .cancelled, .edited: break
        case nil: return .ignored
        }
        return .handled
    }

    func applyFilter(_ condition: RecordCondition?) {
        window.query.filter = condition
        filter.end(with: condition?.text ?? "")
        table.select(0, rowCount: window.total, visibleRows: visibleRows)
        remember()
        readWindow()
    }

    func handle(_ key: Key, in modal: Modal) -> ScreenOutcome {
        switch modal {
        case .form(var form):
            guard !form.isSaving else { return .handled }
            if var dialog = form.discarding {
                switch dialog.handle(key) {
                case .confirm: self.modal = nil
                case .cancel: form.discarding = nil
                case nil: form.discarding = dialog
                }
                if self.modal != nil { self.modal = .form(form) }
                return .handled
            }
            switch WidgetKeys.formDialog.action(for: key) {
            case .save:
                let effect = form.save(in: dataExtension)
                self.modal = .form(form)
                return .run(effect)
            case .cancel:
                // Something typed is not thrown away without asking.
                guard form.hasChanges else {
                    self.modal = nil
                    return .handled
                }
                form.discarding = DialogState()
                self.modal = .form(form)
            case nil:
                form.state.handle(key)
                self.modal = .form(form)
            }
        case .sortChooser(var chooser):
            switch chooser.handle(key) {
            case .sort(let column, let ascending):
                self.modal = nil
                return sort(byColumn: column, ascending: ascending)
            case .cancel: self.modal = nil
            case nil: self.modal = .sortChooser(chooser)
            }
        case .deletion(let rowID, let name, var state):
            switch state.handle(key) {
            case .confirm:
                self.modal = nil
                deleting = name
                notice = .working("Deleting \(name)…")
                return .run(.deleteRecords(dataExtensionID: dataExtension.id, rowIDs: [rowID]))
            case .cancel: self.modal = nil
            case nil: self.modal = .deletion(rowID: rowID, name: name, state: state)
            }
        }
        return .handled
    }

    /// Sorts at once when the field has its index; otherwise builds it first, in the
    /// background, and the rows keep their order (and the keys work) until it is there.
    func sort(byColumn column: Int?, ascending: Bool) -> ScreenOutcome {
        pendingSort = nil
        guard let column, let sort = sort(column: column, ascending: ascending) else {
            applySort(column: nil, ascending: true)
            return .handled
        }
        do {
            guard try context.workspace.sortNeedsIndex(.id(dataExtension.id), sort) else {
                applySort(column: column, ascending: ascending)
                return .handled
            }
        } catch {
            notice = .error("Cannot sort by \(sort.fieldName): \(error)")
            return .handled
        }
        pendingSort = (column, ascending)
        notice = .working(
            "Sorting by \(sort.fieldName): building its index once (a big table takes seconds; keys still work, "
                + "\(AppKeys.records.binding(for: .back).keyNames) gives up)…")
        return .run(.buildSortIndex(dataExtensionID: dataExtension.id, sort: sort))
    }

    func applySort(column: Int?, ascending: Bool) {
        (table.sortColumn, table.ascending) = (column, ascending)
        window.query.sort = sort(column: column, ascending: ascending)
        table.select(0, rowCount: window.total, visibleRows: visibleRows)
        remember()
        readWindow()
    }

    func handle(_ mouse: MouseEvent) -> ScreenOutcome {
        guard modal == nil, !filter.isTyping else { return .ignored }
        switch mouse.kind {
        case .scrollUp, .scrollDown:
            table.scroll(by: mouse.kind == .scrollDown ? 3 : -3, rowCount: window.total, visibleRows: visibleRows)
        case .press:
            guard
                let row = Table(columns: columns).row(
                    atY: mouse.y, in: tableArea, state: table, rowCount: window.total)
            else { return .ignored }
            table.select(row, rowCount: window.total, visibleRows: visibleRows)
        case .release: return .ignored
        }
        readWindow()
        return .handled
    }
}
