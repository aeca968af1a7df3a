import Foundation

/// An App Center "API Integration" app: the credentials a client exchanges for tokens, and
/// the permissions (and so OAuth scopes) its tokens carry.
public struct InstalledApp: Sendable, Hashable, Identifiable {
    public let id: UUID
    public var name: String
    public var package: String
    /// `Production` unless a sandbox account is linked.
    public var account: String
    public let clientID: String
    public let clientSecret: String
    public var permissions: Set<AppPermission>

    /// The scopes the app's tokens carry.
    public var scopes: Set<Scope> { Set(permissions.flatMap(\.scopes)) }

    /// Whether a token with all the app's scopes may perform `operation`.
    public func allows(_ operation: APIOperation) -> Bool { operation.isAllowed(by: scopes) }
}

/// One permission box in App Center: a feature and an access level.
public struct AppPermission: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let feature: AppFeature
    public let access: AppAccess

    public init(_ feature: AppFeature, _ access: AppAccess) {
        self.feature = feature
        self.access = access
    }

    /// Every permission App Center offers, feature by feature.
    public static let all: [AppPermission] = AppFeature.allCases.flatMap { feature in
        feature.accessLevels.map { AppPermission(feature, $0) }
    }

    /// The tutorial's permissions: Data Extensions Read, Write; Interactions Execute, Read, Write.
    public static let tutorial: Set<AppPermission> = [
        AppPermission(.dataExtensions, .read), AppPermission(.dataExtensions, .write),
        AppPermission(.interactions, .execute), AppPermission(.interactions, .read), AppPermission(.interactions, .write),
    ]

    /// The OAuth scopes this permission grants: the one table the emulator's checks rest on.
    public var scopes: Set<Scope> {
        switch (feature, access) {
        case (.dataExtensions, .read): [.dataExtensionsRead]
        case (.dataExtensions, .write): [.dataExtensionsWrite]
        case (.interactions, .read): [.journeysRead]
        case (.interactions, .write): [.journeysWrite]
        // Firing either kind of event is executing a journey.
        case (.interactions, .execute): [.journeysExecute]
        case (.interactions, .delete): [.journeysDelete]
        case (.automations, .read): [.automationsRead]
        case (.automations, .write): [.automationsWrite]
        case (.automations, .execute): [.automationsExecute]
        case (.listAndSubscribers, .read): [.listAndSubscribersRead]
        case (.listAndSubscribers, .write): [.listAndSubscribersWrite]
        case (.audiences, .read): [.audiencesRead]
        case (.audiences, .write): [.audiencesWrite]
        case (.email, .read): [.emailRead]
        case (.email, .write): [.emailWrite]
        case (.email, .send): [.emailSend]
        case (.trackingEvents, .read): [.trackingEventsRead]
        case (.trackingEvents, .write): [.trackingEventsWrite]
        case (.fileLocations, .read): [.fileLocationsRead]
        case (.fileLocations, .write): [.fileLocationsWrite]
        default: []
        }
    }

    public var description: String { "\(feature.rawValue) \(access.rawValue)" }

    public static func < (lhs: AppPermission, rhs: AppPermission) -> Bool {
        (AppFeature.allCases.firstIndex(of: lhs.feature)!, AppAccess.allCases.firstIndex(of: lhs.access)!)
            < (AppFeature.allCases.firstIndex(of: rhs.feature)!, AppAccess.allCases.firstIndex(of: rhs.access)!)
    }

    /// Reads `Data Extensions Read` or `dataExtensions:read`, case-insensitively.
    public init?(parsing text: String) {
        let folded = text.lowercased().filter { $0.isLetter }
        guard let match = Self.all.first(where: { $0.description.lowercased().filter(\.isLetter) == folded }) else { return nil }
        self = match
    }
}

/// An App Center feature, with where App Center files it.
public enum AppFeature: String, Sendable, Hashable, CaseIterable {
    case email = "Email"
    case dataExtensions = "Data Extensions"
    case fileLocations = "File Locations"
    case trackingEvents = "Tracking Events"
    case audiences = "Audiences"
    case listAndSubscribers = "List and Subscribers"
    case interactions = "Interactions"
    case automations = "Automations"

    /// App Center's Operation and Functional Area columns.
    public var operation: String {
        switch self {
        case .email: "Channels"
        case .dataExtensions, .fileLocations, .trackingEvents: "Data"
        case .audiences, .listAndSubscribers: "Contacts"
        case .interactions, .automations: "Automation"
        }
    }

    public var functionalArea: String {
        switch self {
        case .email: "Email"
        case .dataExtensions, .fileLocations, .trackingEvents: "Data Management"
        case .audiences, .listAndSubscribers: "Contacts Management"
        case .interactions, .automations: "Marketing Automation"
        }
    }

    public var accessLevels: [AppAccess] {
        switch self {
        case .email: [.read, .write, .send]
        case .interactions: [.execute, .read, .write, .delete]
        case .automations: [.execute, .read, .write]
        case .dataExtensions, .fileLocations, .trackingEvents, .audiences, .listAndSubscribers: [.read, .write]
        }
    }
}

public enum AppAccess: String, Sendable, Hashable, CaseIterable {
    case execute = "Execute"
    case read = "Read"
    case write = "Write"
    case send = "Send"
    case delete = "Delete"
}

/// Marketing Cloud's OAuth scope names.
public enum Scope: String, Sendable, Hashable, CaseIterable, Comparable {
    case dataExtensionsRead = "data_extensions_read"
    case dataExtensionsWrite = "data_extensions_write"
    case journeysRead = "journeys_read"
    case journeysWrite = "journeys_write"
    case journeysExecute = "journeys_execute"
    case journeysDelete = "journeys_delete"
    case automationsRead = "automations_read"
    case automationsWrite = "automations_write"
    case automationsExecute = "automations_execute"
    case listAndSubscribersRead = "list_and_subscribers_read"
    case listAndSubscribersWrite = "list_and_subscribers_write"
    case audiencesRead = "audiences_read"
    case audiencesWrite = "audiences_write"
    case emailRead = "email_read"
    case emailWrite = "email_write"
    case emailSend = "email_send"
    case trackingEventsRead = "tracking_events_read"
    case trackingEventsWrite = "tracking_events_write"
    case fileLocationsRead = "file_locations_read"
    case fileLocationsWrite = "file_locations_write"

    public static func < (lhs: Scope, rhs: Scope) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// What an API caller does, and the scopes that allow it: any one alternative, whole.
public enum APIOperation: String, Sendable, Hashable, CaseIterable {
    case fireContactEvent = "fire a Contact Builder event (contactEvents)"
    case fireAPIEvent = "fire a journey API event (events)"
    case readRows = "read data extension rows"
    case writeRows = "write data extension rows"
    case readDataExtensions = "read data extension definitions"
    case writeDataExtensions = "create or change data extensions"
    case readJourneys = "read journeys and event definitions"
    case writeJourneys = "create or change journeys and event definitions"
    case publishJourneys = "publish or stop journeys"
    case readAutomations = "read automations"
    case writeAutomations = "create or change automations"
    case runAutomations = "run automations"
    /// `GET /platform/v1/tokenContext`: any valid token may read its own context.
    case readTokenContext = "read the token's own context"

    public var alternatives: [Set<Scope>] {
        switch self {
        // Marketing Cloud documents list_and_subscribers scopes for these; Interactions Execute
        // alone must do as well, since it is all the tutorial asks for.
        case .fireContactEvent: [[.journeysExecute], [.listAndSubscribersWrite]]
        case .fireAPIEvent: [[.journeysExecute], [.journeysRead, .listAndSubscribersRead]]
        case .readRows, .readDataExtensions: [[.dataExtensionsRead]]
        case .writeRows, .writeDataExtensions: [[.dataExtensionsWrite]]
        case .readJourneys: [[.journeysRead]]
        case .writeJourneys: [[.journeysWrite]]
        case .publishJourneys: [[.journeysExecute]]
        case .readAutomations: [[.automationsRead]]
        case .writeAutomations: [[.automationsWrite]]
        case .runAutomations: [[.automationsExecute]]
        case .readTokenContext: [[]]
        }
    }

    public func isAllowed(by scopes: Set<Scope>) -> Bool {
        alternatives.contains { $0.isSubset(of: scopes) }
    }
}
