import LabModel
import Terminal

/// Adding or editing one record: a form with a field per column, typed by the column (a
/// Boolean toggles, defaults filled in for a new record), system fields shown read-only.
/// Saving is an effect: the form stays open, saying so, until the workspace answers; a
/// refusal puts its message beside the field it names and keeps everything typed.
struct RecordForm {
    enum Purpose: Equatable {
        case add
        case edit(rowID: Int64)
    }

    let purpose: Purpose
    let fields: [Field]
    var state: FormState
    /// A refusal no single field explains (a duplicate primary key, for one), or "Saving…".
    var problem: Notice?
    private(set) var isSaving = false
    /// Asking whether to throw away what was typed, while open.
    var discarding: DialogState?
    /// The values as the form opened, to tell whether Esc would lose anything.
    private let opened: [String]

    init(purpose: Purpose, dataExtension: DataExtension, current: Record? = nil) {
        self.purpose = purpose
        fields = dataExtension.fields
        state = FormState(
            fields: dataExtension.fields.map { field in
                let value = current.map { $0[field].displayText } ?? (field.defaultValue ?? "")
                let label = field.name + (field.isPrimaryKey ? " (key)" : field.isRequired ? " *" : "")
                if field.isSystem { return FormField(label, .readOnly, value: value) }
                switch field.type {
                case .boolean:
                    return FormField(label, .boolean, value: value.isEmpty ? "False" : value)
                case .number, .decimal:
                    return FormField(label, .number, value: value)
                default:
                    return FormField(label, .text, value: value)
                }
            })
        opened = state.values
    }

    /// Whether anything was typed that Esc would throw away.
    var hasChanges: Bool { state.values != opened }

    var title: String { purpose == .add ? "New record" : "Edit record" }

    /// What to save: every field a person can set, by name.
    var values: [String: String] {
        Dictionary(
            uniqueKeysWithValues: zip(fields, state.values).filter { !$0.0.isSystem }.map { ($0.0.name, $0.1) })
    }

    /// The save to run, said on the form while it runs.
    mutating func save(in dataExtension: DataExtension) -> Effect {
        isSaving = true
        problem = .working("Saving…")
        switch purpose {
        case .add: return .addRecord(dataExtensionID: dataExtension.id, values: values)
        case .edit(let rowID): return .editRecord(dataExtensionID: dataExtension.id, rowID: rowID, values: values)
        }
    }

    /// A refused save: the field it names gets the message; anything else shows above the form.
    mutating func refuse(_ error: any Error) {
        isSaving = false
        if let error = error as? RecordError, case .invalidValue(let name, _, _) = error,
            let index = fields.firstIndex(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame })
        {
            state.refuse(errors: [index: error.description])
            problem = nil
        } else {
            state.refuse(errors: [:])
            problem = .error(String(describing: error))
        }
    }

    func render(into buffer: inout Buffer, area: Rect) {
        FormDialog(
            title: title, state: state, problem: problem, footer: WidgetKeys.formDialog.footer(.save, .cancel),
            maximumWidth: 72
        )
        .render(into: &buffer, area: area)
        if let discarding {
            Dialog(
                title: "Discard", message: "Throw away what you typed? Nothing has been saved.", confirmLabel: "Discard",
                cancelLabel: "Keep editing", state: discarding
            ).render(into: &buffer, area: area)
        }
    }
}
