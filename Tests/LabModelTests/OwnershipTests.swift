import Foundation
import TestSupport
import Testing

@testable import LabModel

@Suite struct OwnershipTests {
    @Test func aSecondOwnerIsRefusedWithTheOwnersPid() throws {
        let temp = try TemporaryWorkspace()
        let error = #expect(throws: WorkspaceAccessError.self) { try Workspace(path: temp.path) }
        #expect(error == .ownedByAnotherProcess(path: temp.path, owner: WorkspaceOwner(pid: getpid(), serverURL: nil)))
        #expect(error?.description.contains("process \(getpid())") == true)
        #expect(Workspace.currentOwner(ofWorkspaceAt: temp.path)?.pid == getpid())
    }

    @Test func theServerURLIsRecordedBesideTheLock() throws {
        let temp = try TemporaryWorkspace()
        temp.workspace.recordServerURL("http://127.0.0.1:7444")
        #expect(
            Workspace.currentOwner(ofWorkspaceAt: temp.path) == WorkspaceOwner(pid: getpid(), serverURL: "http://127.0.0.1:7444"))
    }

    @Test func closingReleasesOwnership() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("journeylab-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("w.sqlite").path
        let first = try Workspace(path: path)
        try first.createDataExtension(SeedScenario.memberDataExtension())
        first.close()
        #expect(Workspace.currentOwner(ofWorkspaceAt: path) == nil)
        let second = try Workspace(path: path)
        defer { second.close() }
        #expect(try second.dataExtensions().map(\.name) == ["Members"])
    }

    @Test func aLockLeftByAKilledProcessIsTakenOver() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("journeylab-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("w.sqlite").path
        let lockPath = path + ".lock"

        // A real process holds a real flock on the lock file and has its pid recorded there:
        // the shell locks fd 9, then becomes `sleep`, which keeps fd 9 and so the lock.
        let holder = try ChildProcess(
            "/bin/sh", ["-c", "exec 9>>\"$0\"; flock --exclusive 9; exec sleep 600", lockPath])
        try waitUntil("the holder to lock the workspace") { Workspace.currentOwner(ofWorkspaceAt: path) != nil }
        let owner = WorkspaceOwner(pid: holder.pid, serverURL: nil)
        try owner.lockFileText.write(toFile: lockPath, atomically: false, encoding: .utf8)

        #expect(throws: WorkspaceAccessError.ownedByAnotherProcess(path: path, owner: owner)) {
            try Workspace(path: path)
        }

        holder.send(SIGKILL)
        #expect(holder.waitForExit().status == 128 + SIGKILL)
        let workspace = try Workspace(path: path)
        defer { workspace.close() }
        #expect(workspace.previousOwnerPID == holder.pid)
        #expect(Workspace.currentOwner(ofWorkspaceAt: path)?.pid == getpid())
    }

    @Test func theWorkspaceFileIsPrivateToItsUser() throws {
        let temp = try TemporaryWorkspace()
        try temp.members()
        for file in [temp.path, temp.path + "-wal", temp.path + "-shm", temp.path + ".lock"] {
            let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(file)")
        }
    }

    @Test func aReadOnlyLookWorksWhileTheWorkspaceIsOwned() throws {
        let temp = try TemporaryWorkspace()
        try temp.members()
        let look = try ReadOnlyWorkspace(path: temp.path)
        #expect(try look.dataExtensions().map(\.rowCount) == [3])
        #expect(look.owner?.pid == getpid())
    }

    @Test func resetRefusesWhileOwnedAndErasesOtherwise() throws {
        let temp = try TemporaryWorkspace()
        try temp.members()
        #expect(
            throws: WorkspaceAccessError.ownedByAnotherProcess(
                path: temp.path, owner: WorkspaceOwner(pid: getpid(), serverURL: nil))
        ) {
            try Workspace.reset(at: temp.path)
        }
        temp.workspace.close()
        #expect(try Workspace.reset(at: temp.path) == ResetSummary(dataExtensions: 1, records: 3))
        #expect(!FileManager.default.fileExists(atPath: temp.path))
        let fresh = try Workspace(path: temp.path)
        defer { fresh.close() }
        #expect(try fresh.dataExtensions().isEmpty)
    }

    @Test func theWorkspaceLocationFollowsFlagThenEnvironmentThenXDG() {
        #expect(
            WorkspaceLocation.resolve(explicit: "/tmp/a.sqlite", environment: ["JOURNEYLAB_WORKSPACE": "/tmp/b.sqlite"])
                == "/tmp/a.sqlite")
        #expect(
            WorkspaceLocation.resolve(
                explicit: nil, environment: ["JOURNEYLAB_WORKSPACE": "/tmp/b.sqlite", "XDG_DATA_HOME": "/x"]) == "/tmp/b.sqlite")
        #expect(
            WorkspaceLocation.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "/x", "HOME": "/home/t"])
                == "/x/journeylab/workspace.sqlite")
        #expect(
            WorkspaceLocation.resolve(explicit: nil, environment: ["HOME": "/home/t"])
                == "/home/t/.local/share/journeylab/workspace.sqlite")
    }
}
