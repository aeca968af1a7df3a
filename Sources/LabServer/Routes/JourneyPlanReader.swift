import Foundation
import LabJSON
import LabModel

/// Reads a posted journey (Journey Builder's JSON, as `GET` shows it) into a version plan:
/// one trigger naming an event definition, the entry filter as FilterDefinition XML, and
/// Update Contact Data and Wait by Duration activities on one path.
struct JourneyPlanReader {
    let workspace: Workspace

    static func invalid(_ message: String) -> APIError { .envelope(.badRequest, message, code: 400) }

    func plan(from body: JSONValue) throws -> JourneyVersionPlan {
        guard let name = try body.nonEmptyString("name") else { throw Self.invalid("name is required.") }
        guard let apiVersion = try body.scalar("workflowApiVersion").flatMap(Double.init) else {
            throw Self.invalid("workflowApiVersion is required: send 1.0.")
        }
        guard apiVersion == 1 else { throw Self.invalid("workflowApiVersion \(apiVersion) is not emulated: send 1.0.") }
        var entryMode = EntryMode.noReEntry
        if let modeName = try body.nonEmptyString("entryMode") {
            guard let mode = EntryMode(marketingCloudName: modeName) else {
                let names = (["NotSet"] + EntryMode.allCases.map(\.rawValue)).joined(separator: ", ")
                throw Self.invalid("entryMode \(modeName) is not one of \(names).")
            }
            entryMode = mode
        }
        for part in ["goals", "exits"] where try !(body.list(part) ?? []).isEmpty {
            throw Self.invalid("\(part) are not emulated: send an empty list.")
        }
        return JourneyVersionPlan(
            name: name, description: try body.stringMember("description") ?? "", entryMode: entryMode,
            trigger: try trigger(body.list("triggers") ?? []), activities: try activities(body.list("activities") ?? []))
    }

    private func trigger(_ triggers: [JSONValue]) throws -> TriggerPlan? {
        guard let trigger = triggers.first else { return nil }
        guard triggers.count == 1 else { throw Self.invalid("A journey has one trigger; \(triggers.count) were sent.") }
        let path = "triggers[0]"
        let metaData = try trigger.asObject(at: path).objectMember("metaData", at: path)
        let key =
            try metaData?.nonEmptyString("eventDefinitionKey", at: "\(path).metaData")
            ?? trigger.nonEmptyString("eventDefinitionKey", at: path)
        let id = try metaData?.nonEmptyString("eventDefinitionId", at: "\(path).metaData")
        let definitions = try workspace.eventDefinitions()
        let definition: EventDefinition
        if let key {
            guard let found = definitions.first(where: { $0.key.caseInsensitiveCompare(key) == .orderedSame }) else {
                throw Self.invalid("The trigger names event definition \(key), which does not exist: create it first.")
            }
            definition = found
        } else if let id {
            guard let found = definitions.first(where: { $0.id.uuidString.caseInsensitiveCompare(id) == .orderedSame }) else {
                throw Self.invalid("The trigger names event definition \(id), which does not exist: create it first.")
            }
            definition = found
        } else {
            throw Self.invalid("The trigger needs metaData.eventDefinitionKey: the event definition it listens to.")
        }
        let source = try workspace.dataExtension(.id(definition.dataExtensionID))
        let criteria =
            try trigger.objectMember("configurationArguments", at: path)?
            .stringMember("criteria", at: "\(path).configurationArguments") ?? ""
        do {
            let filter = try FilterDefinitionXML.parse(criteria, sourceName: source.name)
            return TriggerPlan(eventDefinition: .id(definition.id), filter: filter)
        } catch {
            throw Self.invalid(error.description)
        }
    }

    /// Activities in path order: following `outcomes[].next` from the one nothing leads to, or
    /// in the order sent when no outcome names a next activity.
    private func activities(_ items: [JSONValue]) throws -> [ActivityPlan] {
        let keys = try items.enumerated().map { index, item in
            try item.asObject(at: "activities[\(index)]").nonEmptyString("key", at: "activities[\(index)]") ?? ""
        }
        if let index = keys.firstIndex(of: "") { throw Self.invalid("activities[\(index)] has no key.") }
        var next: [String: String] = [:]
        for (index, (item, key)) in zip(items, keys).enumerated() {
            let path = "activities[\(index)]"
            let leads = try (item.list("outcomes", at: path) ?? []).enumerated().compactMap { order, outcome in
                try outcome.asObject(at: "\(path).outcomes[\(order)]").nonEmptyString("next", at: "\(path).outcomes[\(order)]")
            }
            guard leads.count <= 1 else {
                throw Self.invalid("Activity \(key) branches (\(leads.count) outcomes lead on): the emulator runs one path.")
            }
            if let lead = leads.first {
                guard keys.contains(lead) else {
                    throw Self.invalid("Activity \(key) leads to \(lead), which is not among the activities.")
                }
                next[key] = lead
            }
        }
        var order = keys
        if !next.isEmpty {
            let starts = keys.filter { !next.values.contains($0) }
            guard !starts.isEmpty else {
                throw Self.invalid("The activities lead back to each other: no activity starts the path.")
            }
            guard starts.count == 1 else {
                throw Self.invalid("The activities must form one path; these start one: \(starts.joined(separator: ", ")).")
            }
            order = [starts[0]]
            while let following = next[order.last!], !order.contains(following) { order.append(following) }
            if next[order.last!] != nil {
                throw Self.invalid("The activities lead back to each other: \(order.last!) leads to \(next[order.last!]!).")
            }
            guard order.count == keys.count else {
                let off = keys.filter { !order.contains($0) }
                throw Self.invalid("The activities must form one path; not on it: \(off.joined(separator: ", ")).")
            }
        }
        return try order.map { key in
            let index = keys.firstIndex(of: key)!
            return try activity(items[index], key: key, at: "activities[\(index)]")
        }
    }

    private func activity(_ item: JSONValue, key: String, at path: String) throws -> ActivityPlan {
        let name = try item.nonEmptyString("name", at: path)
        let type = try item.stringMember("type", at: path) ?? ""
        switch type.uppercased() {
        case "UPDATECONTACTDATA":
            let fields =
                try item.objectMember("arguments", at: path)?.objectMember("activityData", at: "\(path).arguments")?
                .list("updateContactFields", at: "\(path).arguments.activityData") ?? []
            guard fields.count == 1, let update = fields.first else {
                throw Self.invalid("Activity \(key) must set exactly one field (updateContactFields has \(fields.count)).")
            }
            let updatePath = "\(path).arguments.activityData.updateContactFields[0]"
            _ = try update.asObject(at: updatePath)
            guard let deText = try update.nonEmptyString("dataExtensionId", at: updatePath), let deID = UUID(uuidString: deText)
            else {
                throw Self.invalid("Activity \(key): dataExtensionId must be a data extension's GUID.")
            }
            guard let fieldText = try update.nonEmptyString("field", at: updatePath) else {
                throw Self.invalid("Activity \(key): field must name the field to set (its GUID).")
            }
            guard let value = try update.scalar("value", at: updatePath) ?? (update["value"] == .null ? "" : nil) else {
                throw Self.invalid("Activity \(key): value is required.")
            }
            let field: FieldReference = UUID(uuidString: fieldText).map { .id($0) } ?? .name(fieldText)
            return ActivityPlan(
                key: key, name: name, .updateContactData(dataExtension: .id(deID), field: field, value: value))
        case "WAIT":
            let argumentsPath = "\(path).configurationArguments"
            let arguments = try item.objectMember("configurationArguments", at: path)
            guard let duration = try arguments?.scalar("waitDuration", at: argumentsPath).flatMap({ Int($0) }) else {
                throw Self.invalid("Activity \(key): configurationArguments.waitDuration must be a whole number.")
            }
            let unitName = try arguments?.nonEmptyString("waitUnit", at: argumentsPath) ?? ""
            guard let unit = WaitUnit(rawValue: unitName.uppercased()) else {
                let units = WaitUnit.allCases.map(\.rawValue).joined(separator: ", ")
                throw Self.invalid("Activity \(key): waitUnit \"\(unitName)\" is not one of \(units).")
            }
            return ActivityPlan(key: key, name: name, .wait(duration: duration, unit: unit))
        default:
            throw Self.invalid(
                "Activity \(key) is of type \(type), which the emulator does not run: use UPDATECONTACTDATA or WAIT.")
        }
    }
}
