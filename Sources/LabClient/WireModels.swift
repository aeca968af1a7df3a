import Foundation
import LabJSON

/// What the typed calls return: the parts of Marketing Cloud's answers the tutorial, the
/// screens and the command-line verbs use. Each keeps the whole answer in `json`.

public struct RowsetPage: Sendable, Hashable {
    public var count: Int
    public var page: Int
    public var pageSize: Int
    public var rows: [RowsetRow]
}

/// A row: primary-key columns and the rest, names lower-cased as the rowset route gives them.
public struct RowsetRow: Sendable, Hashable {
    public var keys: [String: String]
    public var values: [String: String]

    public init(keys: [String: String], values: [String: String]) {
        self.keys = keys
        self.values = values
    }

    /// Every column, keys and values.
    public var columns: [String: String] { keys.merging(values) { key, _ in key } }
}

public struct JourneySummary: Sendable, Hashable {
    public var id: String
    public var key: String
    public var name: String
    public var version: Int
    public var status: String
    public var entryMode: String
    /// The trigger's event definition key, when it has one.
    public var eventDefinitionKey: String?
    public var activityCount: Int
    public var contactsInside: Int
    public var json: JSONValue

    init(_ json: JSONValue) {
        self.json = json
        id = json["id"]?.text ?? ""
        key = json["key"]?.text ?? ""
        name = json["name"]?.text ?? ""
        version = json["version"]?.int ?? 0
        status = json["status"]?.text ?? ""
        entryMode = json["entryMode"]?.text ?? ""
        eventDefinitionKey = json["triggers"]?.array?.first?["metaData"]?["eventDefinitionKey"]?.nonEmptyText
        activityCount = json["activities"]?.array?.count ?? 0
        contactsInside = json["stats"]?["currentPopulation"]?.int ?? 0
    }
}

public struct EventDefinitionSummary: Sendable, Hashable {
    public var id: String
    public var key: String
    public var name: String
    public var type: String
    public var dataExtensionName: String
    public var json: JSONValue

    init(_ json: JSONValue) {
        self.json = json
        id = json["id"]?.text ?? ""
        key = json["eventDefinitionKey"]?.text ?? ""
        name = json["name"]?.text ?? ""
        type = json["type"]?.text ?? ""
        dataExtensionName = json["dataExtensionName"]?.text ?? ""
    }
}

public struct DataExtensionSummary: Sendable, Hashable {
    public var id: String
    public var key: String
    public var name: String
    public var rowCount: Int
    public var isSendable: Bool

    init(_ json: JSONValue) {
        id = json["id"]?.text ?? ""
        key = json["key"]?.text ?? ""
        name = json["name"]?.text ?? ""
        rowCount = json["rowCount"]?.int ?? 0
        isSendable = json["isSendable"] == .bool(true)
    }
}

public struct FieldSummary: Sendable, Hashable {
    public var id: String
    public var name: String
    public var type: String
    public var isPrimaryKey: Bool

    init(_ json: JSONValue) {
        id = json["id"]?.text ?? ""
        name = json["name"]?.text ?? ""
        type = json["type"]?.text ?? ""
        isPrimaryKey = json["isPrimaryKey"] == .bool(true)
    }
}

public struct AutomationSummary: Sendable, Hashable {
    public var id: String
    public var key: String
    public var name: String
    public var status: String
    /// The data extensions its Fire Event activities read, by id.
    public var targetDataExtensionIDs: [String]
    public var json: JSONValue

    init(_ json: JSONValue) {
        self.json = json
        id = json["id"]?.text ?? ""
        key = json["key"]?.text ?? ""
        name = json["name"]?.text ?? ""
        status = json["status"]?.text ?? ""
        targetDataExtensionIDs = (json["steps"]?.array ?? []).flatMap { $0["activities"]?.array ?? [] }.compactMap {
            $0["targetDataExtensions"]?.array?.first?["id"]?.text
        }
    }
}

/// A Run Once in progress or done.
public struct AutomationRunStatus: Sendable, Hashable {
    public var id: String
    public var status: String
    public var message: String
    public var activities: [Activity]
    public var json: JSONValue

    public struct Activity: Sendable, Hashable {
        public var name: String
        public var status: String
        public var rowsRead: Int
        public var contactsEntered: Int
        public var contactsSkipped: Int
    }

    /// Complete, Error, Interrupted or Stopped: nothing more will change.
    public var isFinished: Bool { ["complete", "error", "interrupted", "stopped"].contains(status.lowercased()) }

    init(_ json: JSONValue) {
        self.json = json
        id = json["id"]?.text ?? ""
        status = json["status"]?.text ?? ""
        message = json["statusMessage"]?.text ?? ""
        activities = (json["activities"]?.array ?? []).map {
            Activity(
                name: $0["name"]?.text ?? "", status: $0["status"]?.text ?? "", rowsRead: $0["rowsRead"]?.int ?? 0,
                contactsEntered: $0["contactsEntered"]?.int ?? 0, contactsSkipped: $0["contactsSkipped"]?.int ?? 0)
        }
    }
}
