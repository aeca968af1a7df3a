import Foundation
import Synchronization

/// Hands every change to every current subscriber. A stream subscriber that falls behind loses
/// the oldest changes beyond its buffer rather than holding writers up; an observer is handed
/// each batch on the writer's thread, once it is committed, and must only queue it.
final class ChangeFeed: Sendable {
    private let subscribers = Mutex<[UUID: AsyncStream<WorkspaceChange>.Continuation]>([:])
    private let observers = Mutex<[UUID: @Sendable ([WorkspaceChange]) -> Void]>([:])

    func observe(_ deliver: @escaping @Sendable ([WorkspaceChange]) -> Void) -> ChangeObservation {
        let id = UUID()
        observers.withLock { $0[id] = deliver }
        return ChangeObservation { [weak self] in _ = self?.observers.withLock { $0.removeValue(forKey: id) } }
    }

    func subscribe(buffer: Int) -> AsyncStream<WorkspaceChange> {
        let (stream, continuation) = AsyncStream.makeStream(
            of: WorkspaceChange.self, bufferingPolicy: .bufferingNewest(buffer))
        let id = UUID()
        continuation.onTermination = { [weak self] _ in
            _ = self?.subscribers.withLock { $0.removeValue(forKey: id) }
        }
        subscribers.withLock { $0[id] = continuation }
        return stream
    }

    func publish(_ changes: [WorkspaceChange]) {
        guard !changes.isEmpty else { return }
        for deliver in observers.withLock({ Array($0.values) }) { deliver(changes) }
        let current = subscribers.withLock { Array($0.values) }
        for continuation in current {
            for change in changes { continuation.yield(change) }
        }
    }

    func finish() {
        observers.withLock { $0.removeAll() }
        let current = subscribers.withLock { all in
            defer { all.removeAll() }
            return Array(all.values)
        }
        for continuation in current { continuation.finish() }
    }
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
