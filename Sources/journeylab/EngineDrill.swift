import ArgumentParser
import Foundation
import LabModel

/// A test hook, hidden from help: starts a Run Once and halts the engine after some batches,
/// then waits to be killed, so tests can prove a killed run resumes without losing anything.
struct EngineDrill: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "engine-drill", abstract: "Test hook: run an automation and halt mid-run.", shouldDisplay: false)

    @OptionGroup var options: WorkspaceOptions
    @Option(help: "The automation's key or name.") var automation: String
    @Option(help: "Rows per batch.") var batchSize = 100
    @Option(help: "Halt after this many batches.") var haltAfterBatches = 1

    func run() throws {
        let workspace = try Workspace(path: options.path)
        workspace.engine.settings = EngineSettings(batchSize: batchSize, haltAfterBatches: haltAfterBatches)
        let run = try workspace.runOnce(try workspace.automation(named: automation).id)
        workspace.engine.start()
        while !workspace.engine.isHalted {
            if try workspace.runs(of: run.automationID).first(where: { $0.id == run.id })?.status != .running {
                print("run ended before the halt")
                return
            }
            usleep(10_000)
        }
        print("halted after \(haltAfterBatches) batches of run \(run.id.storageText)")
        fflush(nil)
        // Waits here, owning the workspace, until the test kills the process.
        while true { sleep(60) }
    }
}
