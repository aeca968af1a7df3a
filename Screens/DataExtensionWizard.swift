import LabModel
import Terminal

/// Creating a data extension in two steps, as Contact Builder does: its details (name,
/// external key, description), then its attributes in a grid — name, type, primary key,
/// required, length, default — checked as they are typed. Nothing is written until the whole
/// definition is valid; Esc steps back, and from the first step leaves nothing behind (asking
/// first when something was typed). Creating is an effect: the wizard stays open, saying so,
/// until the workspace answers, and a refusal keeps everything typed.
struct DataExtensionWizard {
    enum Step: Equatable {
        case details
        case attributes
    }

    enum Outcome {
        case cancelled
        /// Every check passed: the screen runs the creation.
        case create(DataExtensionDraft)
    }

    enum Column: Int, CaseIterable {
        case name, type, primaryKey, required, length, defaultValue
    }

    private(set) var step = Step.details
    var details: FormState
    var attributes: GridState
    /// Why the workspace refused a definition that looked valid (it changed meanwhile), or
    /// that it is being created.
    private(set) var refusal: Notice?
    private(set) var isCreating = false
    /// Asking whether to throw away what was typed, while open.
    private(set) var discarding: DialogState?
    /// After a refused step, places nobody has typed in yet show their problems too.
    private var showsEveryProblem = false
    private let existing: [DataExtension]

    static let typeNames = FieldType.all.map(\.name)

    init(existing: [DataExtension]) {
        self.existing = existing
        details = FormState(fields: [FormField("Name"), FormField("External key"), FormField("Description")])
        attributes = GridState(columns: [
            GridColumn("Field name", width: 20), GridColumn("Type", .choice(Self.typeNames), width: 14),
            GridColumn("Key", .boolean, width: 3), GridColumn("Req", .boolean, width: 3), GridColumn("Length", width: 7),
            GridColumn("Default", width: 8),
        ])
    }

    var keyModes: [AnyKeyMode] {
        if discarding != nil { return [WidgetKeys.dialog.erased] }
        return step == .details
            ? [AppKeys.wizardDetails.erased, WidgetKeys.form.erased]
            : [AppKeys.wizardAttributes.erased, WidgetKeys.grid.erased]
    }

    /// Whether anything has been typed that Esc would throw away.
    var hasTyping: Bool { details.values.contains { !$0.isEmpty } || !filledRows.isEmpty }

    // MARK: The definition being built

    /// The rows that hold something, in order: blank rows (a fresh one after Tab) are not fields.
    var filledRows: [Int] { attributes.rows.indices.filter { !attributes.isBlank($0) } }

    var draft: DataExtensionDraft {
        let key = details.values[1].trimmingCharacters(in: .whitespaces)
        return DataExtensionDraft(
            name: details.values[0], externalKey: key.isEmpty ? nil : key, description: details.values[2],
            fields: filledRows.map { field(from: attributes.rows[$0]) })
    }

    /// A row as a field. A length that is not a number is left out here; `lengthProblem` says so.
    private func field(from row: [String]) -> Field {
        let value = { (column: Column) in row[column.rawValue] }
        let length = value(.length).trimmingCharacters(in: .whitespaces)
        var type = FieldType(name: value(.type)) ?? .text
        var fieldLength: Int?
        if case .decimal = type {
            let parts = length.split(separator: ",", omittingEmptySubsequences: false).map {
                Int($0.trimmingCharacters(in: .whitespaces))
            }
            if let precision = parts.first ?? nil {
                type = .decimal(precision: precision, scale: parts.count > 1 ? parts[1] ?? 0 : 0)
            }
        } else {
            fieldLength = Int(length)
        }
        let defaultValue = value(.defaultValue)
        return Field(
            name: value(.name).trimmingCharacters(in: .whitespaces), type: type,
            isPrimaryKey: value(.primaryKey) == "True", isRequired: value(.required) == "True", length: fieldLength,
            defaultValue: defaultValue.isEmpty ? nil : defaultValue)
    }

    private func lengthProblem(in row: [String]) -> String? {
        let length = row[Column.length.rawValue].trimmingCharacters(in: .whitespaces)
        guard !length.isEmpty else { return nil }
        if row[Column.type.rawValue] == "Decimal" {
            let parts = length.split(separator: ",", omittingEmptySubsequences: false)
            let readable = parts.count <= 2 && parts.allSatisfy { Int($0.trimmingCharacters(in: .whitespaces)) != nil }
            return readable ? nil : "A Decimal's length is precision,scale, such as 18,2."
        }
        return Int(length) == nil ? "Length is a whole number (blank: the type's default)." : nil
    }

    /// Every problem with the definition, by where it is shown: a details field (0 name,
    /// 1 external key) or a grid cell; `general` for what belongs to neither.
    private func problems() -> (details: [Int: String], cells: [GridCell: String], general: [String]) {
        var detailProblems: [Int: String] = [:]
        var cells: [GridCell: String] = [:]
        var general: [String] = []
        let rows = filledRows
        for problem in draft.problems(among: existing) {
            switch problem.place {
            case .name: detailProblems[0] = problem.description
            case .externalKey: detailProblems[1] = problem.description
            case .fields: general.append(problem.description)
            case .field(let index):
                cells[GridCell(row: rows[index], column: Self.column(for: problem.error).rawValue)] = problem.description
            }
        }
        for row in rows {
            if let message = lengthProblem(in: attributes.rows[row]) {
                cells[GridCell(row: row, column: Column.length.rawValue)] = message
            }
        }
        return (detailProblems, cells, general)
    }

    private static func column(for error: DefinitionError) -> Column {
        switch error {
        case .lengthNotAllowed, .lengthOutOfRange, .precisionOutOfRange, .scaleOutOfRange: .length
        case .invalidDefault: .defaultValue
        default: .name
        }
    }

    /// Shows the problems: a name nobody has typed yet only after a refused step.
    private mutating func showProblems() {
        let found = problems()
        for index in details.fields.indices {
            let typedIn = !details.fields[index].value.isEmpty
            details.fields[index].error = typedIn || showsEveryProblem ? found.details[index] : nil
        }
        attributes.errors = found.cells
    }

    // MARK: Keys

    mutating func handle(_ key: Key) -> Outcome? {
        guard !isCreating else { return nil }
        if var dialog = discarding {
            switch dialog.handle(key) {
            case .confirm: return .cancelled
            case .cancel: discarding = nil
            case nil: discarding = dialog
            }
            return nil
        }
        refusal = nil
        switch step {
        case .details:
            switch AppKeys.wizardDetails.action(for: key) {
            case .cancel:
                guard hasTyping else { return .cancelled }
                discarding = DialogState()
            case .next:
                let found = problems().details
                guard found.isEmpty else {
                    showsEveryProblem = true
                    showProblems()
                    details.move(to: found.keys.min() ?? 0)
                    return nil
                }
                (step, showsEveryProblem) = (.attributes, false)
            case nil: details.handle(key)
            }
        case .attributes:
            switch AppKeys.wizardAttributes.action(for: key) {
            case .back: step = .details
            case .create: return create()
            case nil:
                _ = attributes.handle(key)
                keepKeyFieldsRequired()
            }
        }
        showProblems()
        return nil
    }

    /// Pasted text, into the focused field or cell, one line's characters.
    mutating func paste(_ text: String) {
        for character in pastedLine(text) { _ = handle(.character(character)) }
    }

    /// The workspace refused the definition: the wizard stays as typed, saying why.
    mutating func refuse(_ error: any Error) {
        isCreating = false
        refusal = .error(String(describing: error))
    }

    /// A primary key is always required: the grid shows it so.
    private mutating func keepKeyFieldsRequired() {
        for row in attributes.rows.indices where attributes.rows[row][Column.primaryKey.rawValue] == "True" {
            attributes.set("True", at: GridCell(row: row, column: Column.required.rawValue))
        }
    }

    private mutating func create() -> Outcome? {
        let found = problems()
        guard found.details.isEmpty, found.cells.isEmpty, found.general.isEmpty else {
            showsEveryProblem = true
            showProblems()
            if !found.details.isEmpty {
                step = .details
                details.move(to: found.details.keys.min() ?? 0)
            } else if let first = found.cells.keys.min(by: { ($0.row, $0.column) < ($1.row, $1.column) }) {
                attributes.move(to: first)
            }
            return nil
        }
        isCreating = true
        refusal = .working("Creating \(draft.name)…")
        return .create(draft)
    }

    // MARK: View

    func render(into buffer: inout Buffer, area: Rect) {
        let parts = Layout.rows([.fixed(3), .flexible(1), .fixed(4)], in: area)
        let (header, body, footer) = (parts[0], parts[1], parts[2])
        let title = "New data extension"
        buffer.write(title, x: header.x, y: header.y, style: Style(.title, bold: true), clip: header)
        var x = header.x + TextWidth.of(title) + 3
        for (number, (name, shown)) in [("Details", Step.details), ("Attributes", Step.attributes)].enumerated() {
            let label = "\(number + 1) \(name)"
            buffer.write(
                label, x: x, y: header.y, style: Style(step == shown ? .accent : .muted, bold: step == shown), clip: header)
            x += TextWidth.of(label) + 3
        }
        refusal?.render(into: &buffer, area: Rect(x: header.x, y: header.y + 1, width: header.width, height: 2))
        let message: Notice?
        let note: String
        switch step {
        case .details:
            Form().render(into: &buffer, area: body, state: details)
            // The fields' own problems show beside them; only a refusal of the step stays up here.
            message = nil
            note = "A blank external key gets a generated one. " + AppKeys.wizardDetails.footer(.next, .cancel)
        case .attributes:
            Grid().render(into: &buffer, area: body, state: attributes)
            message = verdict
            note = attributesNote + " " + AppKeys.wizardAttributes.footer(.create, .back)
        }
        message?.render(into: &buffer, area: Rect(x: footer.x, y: footer.y, width: footer.width, height: 2))
        for (row, line) in TextFitting.wrap(note, to: footer.width).prefix(2).enumerated() {
            buffer.write(line, x: footer.x, y: footer.y + 2 + row, style: Style(.hint), clip: footer)
        }
        if let discarding {
            Dialog(
                title: "Discard", message: "Throw away the new data extension? Nothing has been created; what you typed is lost.",
                confirmLabel: "Discard", cancelLabel: "Keep editing", state: discarding
            ).render(into: &buffer, area: area)
        }
    }

    /// What the focused column takes.
    private var attributesNote: String {
        switch Column(rawValue: attributes.focus.column) {
        case .type:
            let toggle = WidgetKeys.grid.binding(for: .toggle).keyNames
            return "Types: " + Self.typeNames.joined(separator: ", ") + " — a first letter picks one, \(toggle) the next."
        case .primaryKey, .required:
            return "\(WidgetKeys.grid.binding(for: .toggle).keyNames) switches it; a primary key is always required."
        case .defaultValue:
            return "What a record gets when it gives none: True or False for a Boolean, GetDate() for now."
        default:
            return "Blank length: the type's default (Text 50, Email 254); Decimal: 18,2."
        }
    }

    /// Under the grid: the focused row's problem (else the first), or that Enter will create.
    private var verdict: Notice? {
        let found = problems()
        let focusedRow = attributes.focus.row
        let ordered = found.cells.sorted { ($0.key.row, $0.key.column) < ($1.key.row, $1.key.column) }
        let shownCells = ordered.filter { attributes.errors[$0.key] != nil }
        let first =
            shownCells.first { $0.key == attributes.focus } ?? shownCells.first { $0.key.row == focusedRow }
            ?? shownCells.first
        let total = found.cells.count + found.general.count + found.details.count
        if let first {
            let more = shownCells.count > 1 ? "  (\(shownCells.count) problems)" : ""
            return .error("Row \(first.key.row + 1): \(first.value)\(more)")
        } else if showsEveryProblem, let message = found.general.first {
            return .error(message)
        } else if filledRows.isEmpty {
            let next = WidgetKeys.grid.binding(for: .next).keyNames
            return .plain("Type the first field's name; \(next) moves on, and past the last cell starts the next field.")
        } else if total == 0 {
            let count = filledRows.count
            let name = details.values[0].trimmingCharacters(in: .whitespaces)
            let key = AppKeys.wizardAttributes.binding(for: .create).keyNames
            return .success("\(key) creates \(name) with \(count) field\(count == 1 ? "" : "s").")
        }
        return nil
    }
}
