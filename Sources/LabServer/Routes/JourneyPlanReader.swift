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
        guard let name = body["name"]?.nonEmptyText else { throw Self.invalid("name is required.") }
        guard let apiVersion = body["workflowApiVersion"]?.text.flatMap(Double.init) else {
            throw Self.invalid("workflowApiVersion is required: send 1.0.")
        }
        guard apiVersion == 1 else { throw Self.invalid("workflowApiVersion \(apiVersion) is not emulated: send 1.0.") }
        var entryMode = EntryMode.noReEntry
        if let modeName = body["entryMode"]?.nonEmptyText {
            guard let mode = EntryMode(marketingCloudName: modeName) else {
                let names = (["NotSet"] + EntryMode.allCases.map(\.rawValue)).joined(separator: ", ")
                throw Self.invalid("entryMode \(modeName) is not one of \(names).")
            }
            entryMode = mode
        }
        for part in ["goals", "exits"] where !(body[part]?.array ?? []).isEmpty {
            throw Self.invalid("\(part) are not emulated: send an empty list.")
        }
        return JourneyVersionPlan(
            name: name, description: body["description"]?.text ?? "", entryMode: entryMode,
            trigger: try trigger(body["triggers"]?.array ?? []), activities: try activities(body["activities"]?.array ?? []))
    }

    private func trigger(_ triggers: [JSONValue]) throws -> TriggerPlan? {
        guard let trigger = triggers.first else { return nil }
        guard triggers.count == 1 else { throw Self.invalid("A journey has one trigger; \(triggers.count) were sent.") }
        let key = trigger["metaData"]?["eventDefinitionKey"]?.nonEmptyText ?? trigger["eventDefinitionKey"]?.nonEmptyText
        let id = trigger["metaData"]?["eventDefinitionId"]?.nonEmptyText
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
        let criteria = trigger["configurationArguments"]?["criteria"]?.text ?? ""
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
        let keys = items.map { $0["key"]?.nonEmptyText ?? "" }
        if let index = keys.firstIndex(of: "") { throw Self.invalid("activities[\(index)] has no key.") }
        var next: [String: String] = [:]
        for (item, key) in zip(items, keys) {
            let leads = (item["outcomes"]?.array ?? []).compactMap { $0["next"]?.nonEmptyText }
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
        return try order.map { key in try activity(items[keys.firstIndex(of: key)!], key: key) }
    }

    private func activity(_ item: JSONValue, key: String) throws -> ActivityPlan {
        let name = item["name"]?.nonEmptyText
        let type = item["type"]?.text ?? ""
        switch type.uppercased() {
        case "UPDATECONTACTDATA":
            let fields = item["arguments"]?["activityData"]?["updateContactFields"]?.array ?? []
            guard fields.count == 1, let update = fields.first else {
                throw Self.invalid("Activity \(key) must set exactly one field (updateContactFields has \(fields.count)).")
            }
            guard let deText = update["dataExtensionId"]?.nonEmptyText, let deID = UUID(uuidString: deText) else {
                throw Self.invalid("Activity \(key): dataExtensionId must be a data extension's GUID.")
            }
            guard let fieldText = update["field"]?.nonEmptyText else {
                throw Self.invalid("Activity \(key): field must name the field to set (its GUID).")
            }
            guard let value = update["value"]?.text else { throw Self.invalid("Activity \(key): value is required.") }
            let field: FieldReference = UUID(uuidString: fieldText).map { .id($0) } ?? .name(fieldText)
            return ActivityPlan(
                key: key, name: name, .updateContactData(dataExtension: .id(deID), field: field, value: value))
        case "WAIT":
            let arguments = item["configurationArguments"]
            guard let duration = arguments?["waitDuration"]?.text.flatMap({ Int($0) }) else {
                throw Self.invalid("Activity \(key): configurationArguments.waitDuration must be a whole number.")
            }
            let unitName = arguments?["waitUnit"]?.nonEmptyText ?? ""
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
