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
}
