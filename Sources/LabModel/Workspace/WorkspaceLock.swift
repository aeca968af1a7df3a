import Foundation
import Synchronization

/// Ownership of a workspace: an advisory `flock` on `<workspace>.lock`, which holds the owner's
/// pid and server URL. The kernel drops the lock when the owner exits however it exits, so a
/// lock left by a killed process is free again.
final class WorkspaceLock: Sendable {
    let path: String
    /// The open descriptor that holds the lock; nil once released.
    private let descriptor: Mutex<Int32?>
    /// The pid a dead owner left in the file, if this lock was taken over from one.
    let previousOwnerPID: Int32?

    private init(path: String, descriptor: Int32, previousOwnerPID: Int32?) {
        self.path = path
        self.descriptor = Mutex(descriptor)
        self.previousOwnerPID = previousOwnerPID
    }

    /// Takes the workspace for this process, or explains who has it.
    static func acquire(forWorkspace workspacePath: String) throws -> WorkspaceLock {
        let path = WorkspaceLocation.lockPath(for: workspacePath)
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw WorkspaceAccessError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
        }
        // `status` and `reset` hold a shared lock for an instant to look: try a few times.
        var attempts = 0
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let reason = errno
            attempts += 1
            guard reason == EWOULDBLOCK || reason == EINTR else {
                close(fd)
                throw WorkspaceAccessError.cannotCreate(
                    path: path, reason: "cannot lock it (\(String(cString: strerror(reason))))")
            }
            if attempts >= 5 {
                let owner = WorkspaceOwner(lockFileText: readText(fd))
                close(fd)
                throw WorkspaceAccessError.ownedByAnotherProcess(path: workspacePath, owner: owner)
            }
            usleep(20_000)
        }
        let stale = WorkspaceOwner(lockFileText: readText(fd))
        let lock = WorkspaceLock(path: path, descriptor: fd, previousOwnerPID: stale.pid)
        lock.record(WorkspaceOwner(pid: getpid(), serverURL: nil))
        return lock
    }

    /// Who owns the workspace now, or nil when nobody does. Never takes the lock for long.
    static func currentOwner(ofWorkspace workspacePath: String) -> WorkspaceOwner? {
        let fd = open(WorkspaceLocation.lockPath(for: workspacePath), O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        if flock(fd, LOCK_SH | LOCK_NB) == 0 {
            flock(fd, LOCK_UN)
            return nil
        }
        return WorkspaceOwner(lockFileText: readText(fd))
    }

    /// Rewrites the lock file's owner record (pid, and the server URL once there is one).
    func record(_ owner: WorkspaceOwner) {
        descriptor.withLock { fd in
            guard let fd else { return }
            let bytes = Array(owner.lockFileText.utf8)
            _ = ftruncate(fd, 0)
            _ = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        }
    }

    func release() {
        descriptor.withLock { fd in
            guard let open = fd else { return }
            _ = ftruncate(open, 0)
            flock(open, LOCK_UN)
            close(open)
            fd = nil
        }
    }

    deinit { release() }

    private static func readText(_ fd: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        return count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self) : ""
    }
}
