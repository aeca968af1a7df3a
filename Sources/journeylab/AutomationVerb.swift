import ArgumentParser
import Foundation
import LabClient
import Terminal

struct AutomationVerb: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "automation",
        abstract: "Run automations, as Automation Studio's Run Once does.",
        subcommands: [Run.self])

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run an automation once and follow it to the end with a progress bar.",
            discussion: """
                The automation is found by its key (the emulator also accepts its name). Example:
                  journeylab automation run "Fire member event"
                """)

        @OptionGroup var client: ClientOptions
        @Argument(help: "The automation's name or key.") var automation: String
        @Option(help: "Seconds between progress checks.") var interval = 0.2

        func validate() throws {
            guard interval.isFinite, (0.05...60).contains(interval) else {
                throw ValidationError("--interval takes 0.05 to 60 seconds.")
            }
        }

        struct Output: Encodable {
            let id: String
            let status: String
            let statusMessage: String
            let activities: [Activity]
        }

        struct Activity: Encodable {
            let name: String
            let status: String
            let rowsRead: Int
            let contactsEntered: Int
            let contactsSkipped: Int
        }

        func run() throws {
            let client = try client.client()
            let (name, asJSON, interval) = (automation, self.client.json, interval)
            let showsBar = isatty(STDERR_FILENO) == 1 && !asJSON
            try callingAPI {
                let address = "key:\(name)"
                let summary = try await client.automation(address)
                var totalRows = 0
                for id in summary.targetDataExtensionIDs { totalRows += try await client.dataExtension(id: id).rowCount }
                let instance = try await client.runOnce(address)
                var run = try await client.automationRun(instance)
                while !run.isFinished {
                    if showsBar { RunProgressLine.draw(run, totalRows: totalRows) }
                    try await Task.sleep(for: .seconds(interval))
                    run = try await client.automationRun(instance)
                }
                if showsBar { RunProgressLine.draw(run, totalRows: totalRows, final: true) }
                let activities = run.activities.map {
                    Activity(
                        name: $0.name, status: $0.status, rowsRead: $0.rowsRead, contactsEntered: $0.contactsEntered,
                        contactsSkipped: $0.contactsSkipped)
                }
                if asJSON {
                    try printJSON(Output(id: run.id, status: run.status, statusMessage: run.message, activities: activities))
                } else {
                    print("Run of \(summary.name): \(run.status)")
                    print(
                        TextTable.render(
                            ["Activity", "Status", "Rows read", "Entered", "Skipped"],
                            activities.map {
                                [$0.name, $0.status, "\($0.rowsRead)", "\($0.contactsEntered)", "\($0.contactsSkipped)"]
                            }))
                }
                if run.status.lowercased() != "complete" {
                    throw CommandFailure("The run ended \(run.status)\(run.message.isEmpty ? "" : ": \(run.message)").")
                }
            }
        }
    }
}

/// One line on standard error, redrawn in place, drawn by the app's own progress bar:
/// `[██████░░░░] 60%  600/1,000 rows · 590 entered · 10 skipped`.
enum RunProgressLine {
    static let barCells = 30

    static func draw(_ run: AutomationRunStatus, totalRows: Int, final: Bool = false) {
        let read = run.activities.reduce(0) { $0 + $1.rowsRead }
        let entered = run.activities.reduce(0) { $0 + $1.contactsEntered }
        let skipped = run.activities.reduce(0) { $0 + $1.contactsSkipped }
        let bar = Terminal.ProgressBar(
            fraction: run.isFinished ? 1 : (totalRows > 0 ? Double(read) / Double(totalRows) : 0),
            label: "\(NumberText.grouped(read))/\(NumberText.grouped(totalRows)) rows · "
                + "\(NumberText.grouped(entered)) entered · \(NumberText.grouped(skipped)) skipped")
        // Wide enough for the text and exactly `barCells` of bar: "[", bar, "] ", text.
        var buffer = Buffer(size: TerminalSize(columns: barCells + 3 + TextWidth.of(bar.text), rows: 1))
        bar.render(into: &buffer, area: buffer.bounds)
        FileHandle.standardError.write(Data(("\r" + buffer.line(0) + " " + (final ? "\n" : "")).utf8))
    }
}
