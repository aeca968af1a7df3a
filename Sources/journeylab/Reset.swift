import ArgumentParser
import Foundation
import LabModel

struct Reset: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Erase a workspace: every data extension, record and journal line.",
        discussion: """
            Refuses while another JourneyLab owns the workspace. Asks first unless --yes is given. Example:
              journeylab reset --yes --workspace /tmp/class.sqlite
            """)

    @OptionGroup var options: WorkspaceOptions
    @Flag(help: "Reset without asking.") var yes = false

    func run() throws {
        let path = options.path
        guard FileManager.default.fileExists(atPath: path) else {
            print("Nothing to reset: there is no workspace at \(path).")
            return
        }
        if let owner = Workspace.currentOwner(ofWorkspaceAt: path) {
            throw WorkspaceAccessError.ownedByAnotherProcess(path: path, owner: owner)
        }
        if !yes {
            guard isatty(STDIN_FILENO) == 1 else {
                throw CommandFailure("Not resetting \(path) without confirmation: pass --yes.")
            }
            print("Erase everything in \(path)? Type yes to confirm: ", terminator: "")
            guard readLine()?.trimmingCharacters(in: .whitespaces).lowercased() == "yes" else {
                print("Nothing was changed.")
                return
            }
        }
        let summary = try Workspace.reset(at: path)
        print(
            "Reset \(path): removed \(summary.dataExtensions) data extension\(summary.dataExtensions == 1 ? "" : "s") and \(summary.records) record\(summary.records == 1 ? "" : "s")."
        )
    }
}
