import Foundation
import LabModel

/// The contact model's part of `journeylab status`: groups, events, journeys, automations, apps.
struct ContactModelReport: Encodable {
    struct Link: Encodable {
        let dataExtension: String
        let contactKeyField: String
        let cardinality: String
        let root: Bool
    }

    struct Group: Encodable {
        let name: String
        let icon: String
        let links: [Link]
    }

    struct Event: Encodable {
        let name: String
        let eventKey: String
        let destination: String
        let dataExtension: String?
        let state: String
    }

    struct Trigger: Encodable {
        let name: String
        let type: String
        let eventDefinitionKey: String
        let dataExtension: String
        let filter: String?
    }

    struct Version: Encodable {
        let number: Int
        let status: String
        let entryMode: String
        let trigger: Trigger?
        let activities: [String]
    }

    struct Journey: Encodable {
        let name: String
        let key: String
        let versions: [Version]
    }

    struct Automation: Encodable {
        let name: String
        let key: String
        let type: String
        let status: String
        let activities: [String]
    }

    struct App: Encodable {
        let name: String
        let package: String
        let clientID: String
        let permissions: [String]
        let scopes: [String]
    }

    let attributeGroups: [Group]
    let events: [Event]
    let journeys: [Journey]
    let automations: [Automation]
    let apps: [App]

    init(_ workspace: some WorkspaceReading, dataExtensions: [DataExtension]) throws {
        let byID = Dictionary(uniqueKeysWithValues: dataExtensions.map { ($0.id, $0) })
        func name(_ id: UUID) -> String { byID[id]?.name ?? id.storageText }
        func fieldName(_ fieldID: UUID, in deID: UUID) -> String {
            byID[deID]?.fields.first { $0.id == fieldID }?.name ?? fieldID.storageText
        }
        let groups = try workspace.attributeGroups()
        attributeGroups = groups.map { group in
            Group(
                name: group.name, icon: group.icon,
                links: group.links.map {
                    Link(
                        dataExtension: name($0.dataExtensionID),
                        contactKeyField: fieldName($0.contactKeyFieldID, in: $0.dataExtensionID),
                        cardinality: $0.cardinality.rawValue, root: $0.isRoot)
                })
        }
        let groupNames = Dictionary(uniqueKeysWithValues: groups.map { ($0.id, $0.name) })
        events = try workspace.contactEvents().map {
            Event(
                name: $0.name, eventKey: $0.eventKey, destination: groupNames[$0.destinationGroupID] ?? "",
                dataExtension: $0.dataExtensionID.map(name), state: $0.state.rawValue)
        }
        journeys = try workspace.journeys().map { journey in
            Journey(
                name: journey.name, key: journey.key,
                versions: journey.versions.map { version in
                    Version(
                        number: version.number, status: version.status.rawValue, entryMode: version.entryMode.rawValue,
                        trigger: version.trigger.map {
                            Trigger(
                                name: $0.name, type: $0.type.rawValue, eventDefinitionKey: $0.key,
                                dataExtension: name($0.dataExtensionID), filter: $0.filter?.description)
                        },
                        activities: version.activities.map { activity in
                            switch activity.kind {
                            case .updateContactData(let de, let field, let value):
                                "Update Contact Data: \(name(de)).\(fieldName(field, in: de)) = \(value.displayText)"
                            case .wait(let duration, let unit): "Wait \(duration) \(unit.rawValue.lowercased())"
                            }
                        })
                })
        }
        automations = try workspace.automations().map { automation in
            Automation(
                name: automation.name, key: automation.key, type: automation.type, status: automation.status.rawValue,
                activities: automation.steps.flatMap { step in
                    step.activities.map { "Step \(step.number): \($0.name) (objectTypeId \($0.objectTypeID))" }
                })
        }
        apps = try workspace.apps().map {
            App(
                name: $0.name, package: $0.package, clientID: $0.clientID,
                permissions: $0.permissions.sorted().map(\.description),
                scopes: $0.scopes.sorted().map(\.rawValue))
        }
    }

    static let empty = ContactModelReport()

    private init() {
        attributeGroups = []
        events = []
        journeys = []
        automations = []
        apps = []
    }

    var textLines: [String] {
        var lines: [String] = []
        for group in attributeGroups {
            lines += ["", "Attribute group \(group.name)"]
            lines += group.links.map {
                "  \($0.dataExtension): Contact Key ↔ \($0.contactKeyField), \($0.cardinality)\($0.root ? ", root" : "")"
            }
        }
        for event in events {
            lines += ["", "Event \(event.name)   \(event.state)   key \(event.eventKey)"]
            lines.append("  destination \(event.destination), data in \(event.dataExtension ?? "(none yet)")")
        }
        for journey in journeys {
            lines += ["", "Journey \(journey.name)   key \(journey.key)"]
            for version in journey.versions {
                lines.append("  v\(version.number) \(version.status), \(version.entryMode)")
                if let trigger = version.trigger {
                    lines.append(
                        "    trigger \(trigger.name) on \(trigger.dataExtension)\(trigger.filter.map { " where \($0)" } ?? "")")
                    lines.append("    event definition key \(trigger.eventDefinitionKey)")
                }
                lines += version.activities.map { "    \($0)" }
            }
        }
        for automation in automations {
            lines += ["", "Automation \(automation.name)   key \(automation.key)   \(automation.status)"]
            lines += automation.activities.map { "  \($0)" }
        }
        for app in apps {
            lines += ["", "App \(app.name)   client id \(app.clientID)"]
            lines.append("  permissions: \(app.permissions.joined(separator: ", "))")
        }
        return lines
    }
}
