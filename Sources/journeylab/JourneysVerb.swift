import ArgumentParser
import LabClient

struct JourneysVerb: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journeys",
        abstract: "List the journeys: newest version, status, entry mode, the event they listen for.",
        discussion: """
            Example:
              journeylab journeys --json
            """)

    @OptionGroup var client: ClientOptions

    struct Output: Encodable {
        let id: String
        let key: String
        let name: String
        let version: Int
        let status: String
        let entryMode: String
        let eventDefinitionKey: String?
        let activities: Int
        let contactsInside: Int
    }

    func run() throws {
        let (client, asJSON) = (try client.client(), self.client.json)
        try callingAPI {
            let journeys = try await client.journeys().map {
                Output(
                    id: $0.id, key: $0.key, name: $0.name, version: $0.version, status: $0.status, entryMode: $0.entryMode,
                    eventDefinitionKey: $0.eventDefinitionKey, activities: $0.activityCount, contactsInside: $0.contactsInside)
            }
            if asJSON { return try printJSON(journeys) }
            guard !journeys.isEmpty else { return print("No journeys yet.") }
            print(
                TextTable.render(
                    ["Name", "Key", "Version", "Status", "Entry mode", "Event definition key", "Inside"],
                    journeys.map {
                        [
                            $0.name, $0.key, "\($0.version)", $0.status, $0.entryMode, $0.eventDefinitionKey ?? "—",
                            "\($0.contactsInside)",
                        ]
                    }))
        }
    }
}

struct TriggersVerb: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triggers",
        abstract: "List the event definitions: the keys events are fired with.",
        discussion: """
            The tutorial asks you to copy a trigger's event definition key; this prints them. Example:
              journeylab triggers
            """)

    @OptionGroup var client: ClientOptions

    struct Output: Encodable {
        let id: String
        let eventDefinitionKey: String
        let name: String
        let type: String
        let dataExtensionName: String
    }

    func run() throws {
        let (client, asJSON) = (try client.client(), self.client.json)
        try callingAPI {
            let definitions = try await client.eventDefinitions().map {
                Output(
                    id: $0.id, eventDefinitionKey: $0.key, name: $0.name, type: $0.type, dataExtensionName: $0.dataExtensionName)
            }
            if asJSON { return try printJSON(definitions) }
            guard !definitions.isEmpty else { return print("No event definitions yet.") }
            print(
                TextTable.render(
                    ["Event definition key", "Name", "Type", "Data extension"],
                    definitions.map { [$0.eventDefinitionKey, $0.name, $0.type, $0.dataExtensionName] }))
        }
    }
}
