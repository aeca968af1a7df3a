/// The tutorial's example data, built once for lessons, tests and benchmarks alike.
public enum SeedScenario {
    /// The member data extension the tutorial starts from.
    public static func memberDataExtension(name: String = "Members", externalKey: String? = nil) -> DataExtensionDraft {
        DataExtensionDraft(
            name: name,
            externalKey: externalKey,
            description: "Members of the sausage club",
            fields: [
                Field(name: "EmailAddress", type: .emailAddress, isPrimaryKey: true, isRequired: true, length: 254),
                Field(name: "MemberID", type: .number),
                Field(name: "FirstName", type: .text, length: 50),
                Field(name: "LastName", type: .text, length: 50),
                Field(name: "Updated", type: .boolean, defaultValue: "False"),
            ])
    }

    /// Three members, `Updated` left to its default (False).
    public static let members: [[String: String]] = [
        ["EmailAddress": "susan@sausage.com", "MemberID": "1", "FirstName": "Susan", "LastName": "Sausage"],
        ["EmailAddress": "sam@sausage.com", "MemberID": "2", "FirstName": "Sam", "LastName": "Sausage"],
        ["EmailAddress": "sally@sausage.com", "MemberID": "3", "FirstName": "Sally", "LastName": "Saveloy"],
    ]

    /// The tutorial's whole configuration, built as a trainee would through `Workspace`:
    /// the member data extension with three members, made sendable; an attribute group with it
    /// as root; a running journey (trigger `Updated is False`, Update Contact Data `Updated = True`);
    /// an automation with a Fire Event activity; a started Contact Builder event with its data
    /// extension; and an app with the tutorial's permissions.
    /// `triggerKey` and `eventDataExternalKey` let the tutorial's own request bodies, with their
    /// keys, work unchanged; `membersExternalKey` gives screens a key that is the same each run.
    @discardableResult
    public static func configure(
        _ workspace: Workspace, triggerKey: String? = nil, eventDataExternalKey: String? = nil,
        membersExternalKey: String? = nil
    ) throws -> Configured {
        let members = try workspace.createDataExtension(memberDataExtension(externalKey: membersExternalKey))
        try workspace.addRecords(to: .id(members.id), rows: Self.members)
        try workspace.makeSendable(.id(members.id), relating: "EmailAddress")
        let group = try workspace.createAttributeGroup(name: "Sausage Club", icon: "users")
        try workspace.linkDataExtension(
            .id(members.id), to: group.id, contactKeyField: "EmailAddress", cardinality: .one, asRoot: true)
        let journey = try workspace.createJourney(name: "Member Updates", key: "member-updates")
        let trigger = try workspace.setTrigger(
            of: .id(journey.id), name: "Members not updated", dataExtension: .id(members.id),
            filter: .compare(field: "Updated", .equals, value: "False"), key: triggerKey)
        try workspace.addUpdateContactActivity(
            to: .id(journey.id), dataExtension: .id(members.id), field: "Updated", value: "True")
        try workspace.activate(.id(journey.id))
        let automation = try workspace.createAutomation(name: "Fire member event", key: "fire-member-event")
        try workspace.addFireEventActivity(to: automation.id, dataExtension: .id(members.id))
        let event = try workspace.createContactEvent(
            name: "Member Preferences", eventKey: trigger.key, destinationGroupID: group.id)
        let eventData = try workspace.createEventDataExtension(
            for: event.id, name: "Member Preferences", externalKey: eventDataExternalKey,
            fields: [Field(name: "Preference", type: .text, length: 100)])
        try workspace.startEvent(event.id)
        let app = try workspace.createApp(
            name: "JourneyLab Tutorial", package: "journeylab.tutorial", permissions: AppPermission.tutorial)
        return Configured(
            members: try workspace.dataExtension(.id(members.id)),
            group: try workspace.attributeGroups().first { $0.id == group.id }!,
            journey: try workspace.journey(.id(journey.id)), trigger: trigger,
            automation: try workspace.automation(named: automation.key), event: try workspace.contactEvent(event.id),
            eventData: eventData, app: app)
    }

    /// What `configure` built.
    public struct Configured: Sendable {
        public let members: DataExtension
        public let group: AttributeGroup
        public let journey: Journey
        public let trigger: EventDefinition
        public let automation: Automation
        public let event: ContactEvent
        public let eventData: DataExtension
        public let app: InstalledApp
    }
}
