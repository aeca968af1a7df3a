import Foundation

/// What changed in a workspace, so views refetch only what they show.
public enum WorkspaceChange: Sendable, Hashable {
    /// A line was added to the journal.
    case journal(JournalEntry)
    /// These rows of a data extension were added or changed (single records, single events).
    case rows(dataExtensionID: UUID, rowIDs: [Int64])
    /// Many rows of a data extension may have changed (bulk writes): refetch the visible page.
    case dataExtension(UUID)
    /// An automation run moved on: a batch done, a status changed.
    case automationRun(runID: UUID, automationID: UUID)
    /// A fired event was decided or finished.
    case eventInstance(UUID)
    /// Journey versions changed status (published, finishing, stopped).
    case journey(UUID)
}
