import LabModel
import Terminal

/// A data extension's properties: its name, its external key shown whole, and the send
/// relationship — which field relates to Subscriber Key (Text and EmailAddress fields can).
struct DataExtensionProperties {
    static let notSendable = "Not sendable"

    let dataExtension: DataExtension
    var state: FormState
    var problem: String?

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
    }

    /// Saves the send relationship. - Returns: what changed, for the list's notice.
    func save(in workspace: Workspace) throws -> String {
        let choice = state.values[2]
        if choice == Self.notSendable {
            guard dataExtension.isSendable else { return "\(dataExtension.name) stays not sendable." }
            try workspace.makeNotSendable(.id(dataExtension.id))
            return "\(dataExtension.name) is no longer sendable."
        }
        try workspace.makeSendable(.id(dataExtension.id), relating: choice)
        return "\(dataExtension.name) is sendable: \(choice) relates to Subscriber Key."
    }

    func render(into buffer: inout Buffer, area: Rect) {
        FormDialog(
            title: "Properties", state: state, problem: problem,
            hint: "←/→ the field that relates to Subscriber Key · Enter saves · Esc cancels", maximumWidth: 80
        )
        .render(into: &buffer, area: area)
    }
}
