import Foundation
import Synchronization

/// Hands each committed batch of changes to every observer, on the writer's thread: an observer
/// must only queue it (the app's inbox merges what waits), so nothing is dropped and no writer
/// waits on a view.
final class ChangeFeed: Sendable {
    private let observers = Mutex<[UUID: @Sendable ([WorkspaceChange]) -> Void]>([:])

    func observe(_ deliver: @escaping @Sendable ([WorkspaceChange]) -> Void) -> ChangeObservation {
        let id = UUID()
        observers.withLock { $0[id] = deliver }
        return ChangeObservation { [weak self] in _ = self?.observers.withLock { $0.removeValue(forKey: id) } }
    }

    func publish(_ changes: [WorkspaceChange]) {
        guard !changes.isEmpty else { return }
        for deliver in observers.withLock({ Array($0.values) }) { deliver(changes) }
    }

    func finish() { observers.withLock { $0.removeAll() } }
}

/// An observer of a workspace's changes: they stop coming once it is cancelled or released.
public final class ChangeObservation: Sendable {
    private let stop: @Sendable () -> Void

    init(stop: @escaping @Sendable () -> Void) { self.stop = stop }

    public func cancel() { stop() }

    deinit { stop() }
}

extension JournalEntry {
    /// The changes a journal line implies for views: records name their rows (`row:N`),
    /// other entities their ids.
    var impliedChanges: [WorkspaceChange] {
        guard entity == "record", let first = entityIDs.first, let id = UUID(uuidString: first) else { return [] }
        let rows = entityIDs.dropFirst().compactMap { $0.hasPrefix("row:") ? Int64($0.dropFirst(4)) : nil }
        return rows.isEmpty ? [.dataExtension(id)] : [.rows(dataExtensionID: id, rowIDs: rows)]
    }
}
