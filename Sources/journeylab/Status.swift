import ArgumentParser
import Foundation
import LabModel

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what a workspace holds, even while another JourneyLab owns it.",
        discussion: """
            Lists the workspace path, the process that owns it, and each data extension with its
            external key, sendable field, fields and row count. Example:
              journeylab status --json | jq '.dataExtensions[].rowCount'
            """)

    @OptionGroup var options: WorkspaceOptions
    @Flag(help: "Print JSON for scripts instead of text.") var json = false

    func run() throws {
        let report = try StatusReport(path: options.path)
        print(json ? report.json : report.text)
    }
}
