import Foundation
import GRDB

/// The `attributeGroup` table; its links are rows of `attributeGroupLink`.
struct AttributeGroupRecord: FetchableRecord, TableRecord {
    static let databaseTableName = "attributeGroup"

    let id: UUID
    let name: String
    let icon: String

    init(row: Row) throws {
        let columns = Self.columns(of: row)
        id = try columns.required("id")
        name = try columns.required("name")
        icon = try columns.required("icon")
    }

    func group(links: [AttributeGroupLink]) -> AttributeGroup {
        AttributeGroup(id: id, name: name, icon: icon, links: links)
    }
}

/// The `attributeGroupLink` table: one data extension in a group, in the group's order.
struct AttributeGroupLinkRecord: FetchableRecord, TableRecord {
    static let databaseTableName = "attributeGroupLink"

    let groupID: UUID
    let link: AttributeGroupLink

    init(row: Row) throws {
        let columns = Self.columns(of: row)
        groupID = try columns.required("groupID")
        link = AttributeGroupLink(
            dataExtensionID: try columns.required("dataExtensionID"),
            contactKeyFieldID: try columns.required("contactKeyFieldID"),
            cardinality: try columns.required("cardinality"),
            isRoot: try columns.required("isRoot"))
    }
}

/// The `contactEvent` table: a Contact Builder event.
struct ContactEventRecord: FetchableRecord, TableRecord {
    static let databaseTableName = "contactEvent"

    let event: ContactEvent

    init(row: Row) throws {
        let columns = Self.columns(of: row)
        event = ContactEvent(
            id: try columns.required("id"),
            name: try columns.required("name"),
            eventKey: try columns.required("eventKey"),
            destinationGroupID: try columns.required("destinationGroupID"),
            dataExtensionID: try columns.optional("dataExtensionID"),
            state: try columns.required("state"))
    }
}

/// The `installedApp` table: an App Center app, its permissions stored as their names joined by
/// commas.
struct InstalledAppRecord: FetchableRecord, TableRecord {
    static let databaseTableName = "installedApp"

    let app: InstalledApp

    init(row: Row) throws {
        let columns = Self.columns(of: row)
        let permissionNames: String = try columns.required("permissions")
        var permissions = Set<AppPermission>()
        for name in permissionNames.split(separator: ",") {
            guard let permission = AppPermission(parsing: String(name)) else {
                throw columns.unreadable("permissions", expected: "a list of App Center permissions")
            }
            permissions.insert(permission)
        }
        app = InstalledApp(
            id: try columns.required("id"), name: try columns.required("name"), package: try columns.required("package"),
            account: try columns.required("account"), clientID: try columns.required("clientID"),
            clientSecret: try columns.required("clientSecret"), permissions: permissions)
    }
}
