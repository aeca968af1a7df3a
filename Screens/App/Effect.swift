import Foundation
import LabModel

/// A change a screen asks for, as a value: the effect runner performs it off the UI thread
/// and posts the result back to the screen that asked. No key handler writes the workspace.
public enum Effect: Sendable, Hashable {
    case createDataExtension(DataExtensionDraft)
    case addRecord(dataExtensionID: UUID, values: [String: String])
    case editRecord(dataExtensionID: UUID, rowID: Int64, values: [String: String])
    case deleteRecords(dataExtensionID: UUID, rowIDs: [Int64])
    /// Relates `field` to Subscriber Key; nil makes the data extension not sendable.
    case setSendable(dataExtensionID: UUID, field: String?)
    /// The index a first sort by a field needs (seconds on a big table).
    case buildSortIndex(dataExtensionID: UUID, sort: RecordSort)

    /// Does the work. Runs on the effect runner's queue, never on the UI thread.
    func perform(in workspace: Workspace) throws -> EffectValue {
        switch self {
        case .createDataExtension(let draft):
            return .dataExtension(try workspace.createDataExtension(draft))
        case .addRecord(let id, let values):
            return .record(try workspace.addRecord(to: .id(id), values: values))
        case .editRecord(let id, let rowID, let values):
            return .record(try workspace.editRecord(in: .id(id), rowID: rowID, values: values))
        case .deleteRecords(let id, let rowIDs):
            return .count(try workspace.deleteRecords(in: .id(id), rowIDs: rowIDs))
        case .setSendable(let id, let field?):
            return .dataExtension(try workspace.makeSendable(.id(id), relating: field))
        case .setSendable(let id, nil):
            return .dataExtension(try workspace.makeNotSendable(.id(id)))
        case .buildSortIndex(let id, let sort):
            try workspace.buildSortIndex(.id(id), for: sort)
            return .done
        }
    }
}

/// What an effect gave back.
public enum EffectValue: Sendable {
    case done
    case dataExtension(DataExtension)
    case record(Record)
    case count(Int)
}

/// An effect's result on its way back to the screen that asked for it.
public struct EffectCompletion: Sendable {
    /// The screen that asked (the shell finds it among the screens still open).
    public let screen: ObjectIdentifier
    public let effect: Effect
    public let result: Result<EffectValue, any Error>
}
