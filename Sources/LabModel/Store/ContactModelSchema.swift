import GRDB

/// Tables for contacts, attribute groups, Contact Builder events, journeys, automations,
/// installed apps and the request log (migration "v2").
enum ContactModelSchema {
    static func create(in db: Database) throws {
        try db.create(table: "contact") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("contactKey", .text).notNull().unique().collate(.nocase)
            t.column("createdAt", .datetime).notNull()
        }
        try db.create(table: "attributeGroup") { t in
            t.primaryKey("id", .text)
            t.column("name", .text).notNull().unique().collate(.nocase)
            t.column("icon", .text).notNull()
            t.column("createdAt", .datetime).notNull()
        }
        try db.create(table: "attributeGroupLink") { t in
            t.column("groupID", .text).notNull().references("attributeGroup", onDelete: .cascade)
            t.column("dataExtensionID", .text).notNull().indexed().references("dataExtension", onDelete: .cascade)
            t.column("contactKeyFieldID", .text).notNull()
            t.column("cardinality", .text).notNull()
            t.column("isRoot", .boolean).notNull()
            t.column("ordinal", .integer).notNull()
            t.primaryKey(["groupID", "dataExtensionID"])
        }
        try db.create(table: "contactEvent") { t in
            t.primaryKey("id", .text)
            t.column("name", .text).notNull().unique().collate(.nocase)
            t.column("eventKey", .text).notNull().unique().collate(.nocase)
            t.column("destinationGroupID", .text).notNull().references("attributeGroup")
            t.column("dataExtensionID", .text).references("dataExtension", onDelete: .setNull)
            t.column("state", .text).notNull()
            t.column("createdAt", .datetime).notNull()
        }
        try db.create(table: "eventDefinition") { t in
            t.primaryKey("id", .text)
            t.column("key", .text).notNull().unique().collate(.nocase)
            t.column("name", .text).notNull()
            t.column("type", .text).notNull()
            t.column("dataExtensionID", .text).notNull().indexed().references("dataExtension")
            t.column("filter", .jsonText)
            t.column("createdAt", .datetime).notNull()
            t.column("modifiedAt", .datetime).notNull()
        }
        try db.create(table: "interaction") { t in
            t.primaryKey("id", .text)
            t.column("key", .text).notNull().unique().collate(.nocase)
            t.column("name", .text).notNull()
            t.column("description", .text).notNull()
            t.column("createdAt", .datetime).notNull()
            t.column("modifiedAt", .datetime).notNull()
        }
        try db.create(table: "interactionVersion") { t in
            t.primaryKey("id", .text)
            t.column("interactionID", .text).notNull().references("interaction", onDelete: .cascade)
            t.column("number", .integer).notNull()
            t.column("status", .text).notNull()
            t.column("entryMode", .text).notNull()
            t.column("triggerID", .text).indexed().references("eventDefinition")
            t.column("publishedAt", .datetime)
            t.column("createdAt", .datetime).notNull()
            t.uniqueKey(["interactionID", "number"])
        }
        try db.create(table: "journeyActivity") { t in
            t.primaryKey("id", .text)
            t.column("versionID", .text).notNull().indexed().references("interactionVersion", onDelete: .cascade)
            t.column("ordinal", .integer).notNull()
            t.column("key", .text).notNull()
            t.column("name", .text).notNull()
            t.column("type", .text).notNull()
            t.column("dataExtensionID", .text)
            t.column("fieldID", .text)
            t.column("value", .text)
            t.column("waitDuration", .integer)
            t.column("waitUnit", .text)
        }
        try db.create(table: "automation") { t in
            t.primaryKey("id", .text)
            t.column("key", .text).notNull().unique().collate(.nocase)
            t.column("name", .text).notNull().unique().collate(.nocase)
            t.column("description", .text).notNull()
            t.column("type", .text).notNull()
            t.column("status", .text).notNull()
            t.column("createdAt", .datetime).notNull()
            t.column("modifiedAt", .datetime).notNull()
        }
        try db.create(table: "automationActivity") { t in
            t.primaryKey("id", .text)
            t.column("automationID", .text).notNull().indexed().references("automation", onDelete: .cascade)
            t.column("step", .integer).notNull()
            t.column("displayOrder", .integer).notNull()
            t.column("name", .text).notNull()
            t.column("objectTypeID", .integer).notNull()
            t.column("dataExtensionID", .text).notNull().references("dataExtension")
        }
        try db.create(table: "automationRun") { t in
            t.primaryKey("id", .text)
            t.column("automationID", .text).notNull().indexed().references("automation", onDelete: .cascade)
            t.column("status", .text).notNull()
            t.column("startedAt", .datetime).notNull()
            t.column("endedAt", .datetime)
            t.column("message", .text)
        }
        try db.create(table: "automationActivityRun") { t in
            t.column("runID", .text).notNull().references("automationRun", onDelete: .cascade)
            t.column("activityID", .text).notNull()
            t.column("status", .text).notNull()
            t.column("rowsRead", .integer).notNull()
            t.column("contactsEntered", .integer).notNull()
            t.column("contactsSkipped", .integer).notNull()
            t.column("message", .text)
            t.primaryKey(["runID", "activityID"])
        }
        try db.create(table: "installedApp") { t in
            t.primaryKey("id", .text)
            t.column("name", .text).notNull().unique().collate(.nocase)
            t.column("package", .text).notNull()
            t.column("account", .text).notNull()
            t.column("clientID", .text).notNull().unique()
            t.column("clientSecret", .text).notNull()
            t.column("permissions", .text).notNull()
            t.column("createdAt", .datetime).notNull()
        }
        try db.create(table: "requestLog") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("time", .datetime).notNull()
            t.column("method", .text).notNull()
            t.column("path", .text).notNull()
            t.column("status", .integer).notNull()
            t.column("durationMilliseconds", .double).notNull()
            t.column("requestBody", .text).notNull()
            t.column("responseBody", .text).notNull()
            t.column("appID", .text)
        }
    }
}
