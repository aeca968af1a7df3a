import Foundation
import Synchronization

/// Hands every change to every current subscriber. A slow subscriber loses the oldest changes
/// beyond its buffer rather than holding writers up: views refetch what they show anyway.
final class ChangeFeed: Sendable {
    private let subscribers = Mutex<[UUID: AsyncStream<WorkspaceChange>.Continuation]>([:])

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
        let current = subscribers.withLock { Array($0.values) }
        for continuation in current {
            for change in changes { continuation.yield(change) }
        }
    }

    func finish() {
        let current = subscribers.withLock { all in
            defer { all.removeAll() }
            return Array(all.values)
        }
        for continuation in current { continuation.finish() }
    }
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
