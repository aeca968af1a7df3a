import Foundation
import LabModel

/// Workspace changes waiting for the screens, merged as they arrive: the rows of one data
/// extension gather into one set, repeated changes count once, and nothing is dropped — a run
/// that touches more rows than a screen could care for one by one becomes "many rows of this
/// data extension changed", which is what `WorkspaceChange.dataExtension` already means.
public struct ChangeBatch: Sendable {
    /// Beyond this many row ids, a data extension's rows are refetched as a whole.
    static let rowLimit = 10_000

    private var rows: [UUID: Set<Int64>] = [:]
    private var wholeDataExtensions: Set<UUID> = []
    private var others: [WorkspaceChange] = []
    private var seenOthers: Set<WorkspaceChange> = []
    /// Data extensions in the order their changes first arrived.
    private var order: [UUID] = []

    public init(_ changes: [WorkspaceChange] = []) { add(changes) }

    public mutating func add(_ changes: [WorkspaceChange]) {
        for change in changes {
            switch change {
            case .rows(let id, let rowIDs):
                note(id)
                guard !wholeDataExtensions.contains(id) else { continue }
                rows[id, default: []].formUnion(rowIDs)
                if rows[id, default: []].count > Self.rowLimit { markWhole(id) }
            case .dataExtension(let id):
                note(id)
                markWhole(id)
            default:
                if seenOthers.insert(change).inserted { others.append(change) }
            }
        }
    }

    public mutating func merge(_ other: ChangeBatch) { add(other.changes) }

    /// The merged changes: journal lines, runs and events as they came, then each data
    /// extension's rows.
    public var changes: [WorkspaceChange] {
        others
            + order.map { id in
                wholeDataExtensions.contains(id)
                    ? .dataExtension(id) : .rows(dataExtensionID: id, rowIDs: (rows[id] ?? []).sorted())
            }
    }

    private mutating func note(_ id: UUID) {
        if rows[id] == nil, !wholeDataExtensions.contains(id) { order.append(id) }
    }

    private mutating func markWhole(_ id: UUID) {
        wholeDataExtensions.insert(id)
        rows[id] = nil
    }
}
