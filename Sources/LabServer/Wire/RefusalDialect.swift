import Foundation
import HTTPTypes
import LabModel

/// How an API family words a model refusal. Marketing Cloud's services number the same refusal
/// differently, and only the event routes list the problems in `validationErrors`; each route
/// family names its dialect (`RouteFamily.refusals`) and `Emulator.handle` answers every model
/// error its handler throws with `APIError(_:in:)`.
enum RefusalDialect: Sendable, Hashable {
    /// Marketing Cloud's usual 400 with errorcode 10000: data extensions, event definitions, and
    /// the routes that meet no model error.
    case standard
    /// Hub rows and rowsets: a refused parameter is errorcode 10001, as `Parameter … is invalid.`
    /// is. Refused row writes name their data extension (`APIError.rowsNotSaved`).
    case rows
    /// Firing events: data problems as `Event Data contains errors:` (10006) with each one in
    /// `validationErrors` (10000), an unknown contact 10001, anything else 10000.
    case events
    /// Automations: one that cannot run now is errorcode 10002, anything else 10000.
    case automations
    /// Journeys (the Interaction API): the errorcode is the status; changing a version that is
    /// no longer a draft is Marketing Cloud's 409.
    case interactions
}

extension APIError {
    /// Marketing Cloud's 409 on `PUT /interaction/v1/interactions`, word for word; the emulator
    /// adds which version to write instead.
    static let runningInteractionConflict =
        "Conflict, this change would cause a current operation on the specified interaction or a running interaction to be changed, which is not permitted."

    /// The one wording of a model error: its status, errorcode, message and the details the
    /// dialect lists.
    init(_ refusal: any ModelRefusal, in dialect: RefusalDialect) {
        let message = refusal.description
        switch (dialect, refusal.refusalKind) {
        case (.events, .invalidData): self = .eventData([message])
        case (.events, .unknownContact): self = .badRequest(message, code: 10001)
        case (.automations, .automationNotRunnable): self = .badRequest(message, code: 10002)
        case (.interactions, .versionNotDraft(let version, let status)):
            self = .envelope(
                .conflict,
                "\(Self.runningInteractionConflict) Version \(version) is \(status): write version \(version + 1) to create a new draft.",
                code: 409)
        case (.interactions, _): self = .badRequest(message, code: 400)
        case (.rows, _): self = .badRequest(message, code: 10001)
        case (.standard, _), (.events, _), (.automations, _): self = .badRequest(message)
        }
    }

    /// The hub's refusal of a row write: the data extension in the message, the problem (after
    /// its field) in `additionalErrors`. Segment retries this errorcode only without details.
    static func rowsNotSaved(in dataExtensionID: UUID, _ refusal: any ModelRefusal) -> APIError {
        let detail = refusal.refusedField.map { "\($0): \(refusal)" } ?? refusal.description
        return envelope(
            .badRequest, "Unable to save rows for data extension ID \(dataExtensionID.storageText)", code: 10006,
            extra: [
                "additionalErrors": .array([
                    .object(["message": .string(detail), "errorcode": .number(10000), "documentation": .string("")])
                ])
            ])
    }
}
