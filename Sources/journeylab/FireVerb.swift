import ArgumentParser
import LabClient

struct FireVerb: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fire",
        abstract: "Fire an event: a Contact Builder event (contactEvents) or a journey API event (events).",
        subcommands: [ContactEvent.self, APIEvent.self])

    struct Output: Encodable {
        let eventInstanceId: String
    }

    struct ContactEvent: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "contact-event",
            abstract: "POST /contacts/v1/contactEvents: write a row to the event's data extension and fire it.",
            discussion: """
                Field=Value pairs become the item's values. Example (the tutorial's request):
                  journeylab fire contact-event --key CONTACT-EVENT-f34a064a-32bb-f015-f4fa-e178f4f57d4d \\
                    --contact susan@sausage.com --de-name "Member Preferences" \\
                    --de-key 7CD9E124-6AA3-4884-85B3-B5BFE0CF68F9 Preference=frankfurter
                """)

        @OptionGroup var client: ClientOptions
        @Option(help: "The event definition key (journeylab triggers lists them).") var key: String
        @Option(help: "The contact key.") var contact: String
        @Option(help: "The event data extension's name.") var deName: String
        @Option(help: "The event data extension's external key.") var deKey: String?
        @Argument(help: ArgumentHelp("The row's values.", valueName: "Field=Value")) var values: [String] = []

        func validate() throws { _ = try FieldAssignments(values) }

        func run() throws {
            let client = try client.client()
            let (key, contact, deName, deKey, asJSON) = (key, contact, deName, deKey, self.client.json)
            let values = try FieldAssignments(values).pairs
            try callingAPI {
                let instance = try await client.fireContactEvent(
                    eventDefinitionKey: key, contactKey: contact, dataExtensionName: deName, dataExtensionKey: deKey,
                    values: values)
                if asJSON {
                    try printJSON(Output(eventInstanceId: instance))
                } else {
                    print("Fired \(key) for \(contact): event instance \(instance).")
                }
            }
        }
    }

    struct APIEvent: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "event",
            abstract: "POST /interaction/v1/events: fire a journey's API event for a contact.",
            discussion: """
                Field=Value pairs are the event's Data. Example:
                  journeylab fire event --key APIEvent-2b3a… --contact sam@sausage.com EmailAddress=sam@sausage.com
                """)

        @OptionGroup var client: ClientOptions
        @Option(help: "The event definition key (journeylab triggers lists them).") var key: String
        @Option(help: "The contact key.") var contact: String
        @Argument(help: ArgumentHelp("The event's data.", valueName: "Field=Value")) var data: [String] = []

        func validate() throws { _ = try FieldAssignments(data) }

        func run() throws {
            let client = try client.client()
            let (key, contact, asJSON) = (key, contact, self.client.json)
            let data = try FieldAssignments(data).dictionary
            try callingAPI {
                let instance = try await client.fireEvent(eventDefinitionKey: key, contactKey: contact, data: data)
                if asJSON {
                    try printJSON(Output(eventInstanceId: instance))
                } else {
                    print("Fired \(key) for \(contact): event instance \(instance).")
                }
            }
        }
    }
}
