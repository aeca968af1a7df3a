/// The app's navigation, mirroring Marketing Cloud's apps so trainees find things where the
/// real product keeps them.
public enum AppSection: String, Sendable, CaseIterable {
    case dataExtensions = "Data Extensions"
    case dataDesigner = "Data Designer"
    case contacts = "Contacts"
    case journeyBuilder = "Journey Builder"
    case automationStudio = "Automation Studio"
    case appCenter = "App Center"
    case apiConsole = "API Console"
    case eventFlow = "Event Flow"

    /// The Marketing Cloud app a section belongs to.
    public var app: String {
        switch self {
        case .dataExtensions, .dataDesigner, .contacts: "Contact Builder"
        case .journeyBuilder: "Journey Builder"
        case .automationStudio: "Automation Studio"
        case .appCenter: "App Center"
        case .apiConsole, .eventFlow: "JourneyLab"
        }
    }
}
