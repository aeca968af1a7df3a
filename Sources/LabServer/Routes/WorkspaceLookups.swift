import LabModel

/// Lookups for routes that answer "not found" in their own words: nil when nothing has the
/// reference, while any other failure (a database error) is still thrown.
extension Workspace {
    func existingDataExtension(_ reference: DataExtensionReference) throws -> DataExtension? {
        do {
            return try dataExtension(reference)
        } catch DefinitionError.dataExtensionNotFound {
            return nil
        }
    }

    /// By name or key, in any case.
    func existingAutomation(named nameOrKey: String) throws -> Automation? {
        do {
            return try automation(named: nameOrKey)
        } catch ContactModelError.notFound {
            return nil
        }
    }
}
