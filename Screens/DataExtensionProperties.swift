import LabModel
import Terminal

/// A data extension's properties: its name, its external key shown whole, and the send
/// relationship — which field relates to Subscriber Key (Text and EmailAddress fields can).
struct DataExtensionProperties {
    static let notSendable = "Not sendable"

    let dataExtension: DataExtension
    var state: FormState
    /// Why the save was refused, that it is running, or which fields can relate.
    var problem: Notice? = .plain("A Text or EmailAddress field can relate to Subscriber Key.")
    private(set) var isSaving = false

    init(_ dataExtension: DataExtension) {
        self.dataExtension = dataExtension
        let candidates = dataExtension.fields.filter { !$0.isSystem && ($0.type == .text || $0.type == .emailAddress) }
        state = FormState(fields: [
            FormField("Name", .readOnly, value: dataExtension.name),
            FormField("External key", .readOnly, value: dataExtension.externalKey),
            FormField(
                "Send relationship", .choice([Self.notSendable] + candidates.map(\.name)),
                value: dataExtension.sendableField?.name ?? Self.notSendable),
        ])
        state.move(to: 2)
        if candidates.isEmpty {
            problem = .plain("Only a Text or EmailAddress field can relate to Subscriber Key, and this one has none.")
        }
    }

    /// The field chosen to relate to Subscriber Key; nil for not sendable.
    var chosenField: String? { state.values[2] == Self.notSendable ? nil : state.values[2] }

    /// The save to run, or nil when nothing changes (the dialog just closes).
    mutating func save() -> Effect? {
        guard chosenField != dataExtension.sendableField?.name else { return nil }
        isSaving = true
        problem = .working("Saving…")
        return .setSendable(dataExtensionID: dataExtension.id, field: chosenField)
    }

    mutating func refuse(_ error: any Error) {
        isSaving = false
        problem = .error(String(describing: error))
    }

    /// What the save did, for the list's notice.
    func saved(_ changed: DataExtension) -> String {
        guard let field = changed.sendableField?.name else { return "\(changed.name) is no longer sendable." }
        return "\(changed.name) is sendable: \(field) relates to Subscriber Key."
    }

    func render(into buffer: inout Buffer, area: Rect) {
        FormDialog(
            title: "Properties", state: state, problem: problem,
            footer: [WidgetKeys.form.binding(for: .left), WidgetKeys.form.binding(for: .right)].map(\.keyNames)
                .joined(separator: " ") + " choose · " + WidgetKeys.formDialog.footer(.save, .cancel),
            maximumWidth: 80
        )
        .render(into: &buffer, area: area)
    }
}
