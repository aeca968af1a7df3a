/// One entry of the navigation: the Marketing Cloud app it belongs to, its name, and the
/// screen it opens — nil while that screen is not built, which shows a placeholder.
public struct AppSection: Sendable {
    public let app: String
    public let name: String
    let screen: (@Sendable (ScreenContext) -> any Screen)?

    /// The navigation, in Marketing Cloud's order, so trainees find things where the real
    /// product keeps them. A new screen is one line here.
    public static let all: [AppSection] = [
        AppSection(app: "Contact Builder", name: "Data Extensions") { DataExtensionsScreen(context: $0) },
        AppSection(app: "Contact Builder", name: "Data Designer"),
        AppSection(app: "Contact Builder", name: "Contacts"),
        AppSection(app: "Journey Builder", name: "Journeys"),
        AppSection(app: "Automation Studio", name: "Automations"),
        AppSection(app: "App Center", name: "Apps"),
        AppSection(app: "JourneyLab", name: "API Console"),
        AppSection(app: "JourneyLab", name: "Event Flow"),
    ]

    public init(app: String, name: String, screen: (@Sendable (ScreenContext) -> any Screen)? = nil) {
        self.app = app
        self.name = name
        self.screen = screen
    }

    /// Whether the section has a screen of its own yet.
    public var isBuilt: Bool { screen != nil }

    func makeScreen(_ context: ScreenContext) -> any Screen {
        screen?(context) ?? PlaceholderScreen(section: self)
    }
}
