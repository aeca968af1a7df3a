import ArgumentParser
import Screens

/// Hidden: prints docs/keys.md from the key registry.
struct KeysDoc: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys-doc", abstract: "Print docs/keys.md, generated from the key registry.", shouldDisplay: false)

    func run() throws { print(AppKeys.markdown, terminator: "") }
}
