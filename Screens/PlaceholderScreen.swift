import Terminal

/// What a section not built yet shows: where it belongs and what works today. Its only key
/// goes back to the navigation, so the hint bar promises nothing that does nothing.
final class PlaceholderScreen: Screen {
    let section: AppSection
    var area = Rect(x: 0, y: 0, width: 0, height: 0)

    init(section: AppSection) { self.section = section }

    var title: String { section.name }
    var keyModes: [AnyKeyMode] { [AppKeys.placeholder.erased] }
    var isTakingTyping: Bool { false }

    func handle(_ input: ScreenInput) -> ScreenOutcome {
        guard case .key(let key) = input, let action = AppKeys.placeholder.action(for: key) else { return .ignored }
        switch action {
        case .back: return .back
        }
    }

    func render(into buffer: inout Buffer, area: Rect) {
        let built = AppSection.all.filter(\.isBuilt).map { "\($0.app) › \($0.name)" }.joined(separator: ", ")
        Paragraph(
            markdown: """
                ## \(section.name)

                \(section.app) · not in this version of JourneyLab yet. What works today: \(built) — \
                \(AppKeys.global.binding(for: .focusNavigation).keyNames) goes back to the navigation.
                """
        ).render(into: &buffer, area: area)
    }
}
