import GRDB

// The model's enums are stored by their raw values, Marketing Cloud's names. Domain stays free
// of GRDB: the conformances live here, with what each column should hold when it does not.

extension JourneyStatus: DatabaseValueConvertible, StoredColumnValue {
    static let storedMeaning = "a journey status"
}

extension EntryMode: DatabaseValueConvertible, StoredColumnValue {
    static let storedMeaning = "an entry mode"
}

extension WaitUnit: DatabaseValueConvertible, StoredColumnValue {
    static let storedMeaning = "a wait unit"
}

extension Cardinality: DatabaseValueConvertible, StoredColumnValue {
    static let storedMeaning = "a cardinality (One or Many)"
}

extension ContactEvent.State: DatabaseValueConvertible, StoredColumnValue {
    static let storedMeaning = "a Contact Builder event state"
}

extension EventDefinitionType: DatabaseValueConvertible, StoredColumnValue {
    static let storedMeaning = "an event definition type"
}

extension AutomationStatus: DatabaseValueConvertible, StoredColumnValue {
    static let storedMeaning = "an automation status"
}

extension EntryOutcome: DatabaseValueConvertible, StoredColumnValue {
    static let storedMeaning = "an entry outcome (0 to 3)"
}

extension AutomationRun.RunStatus: DatabaseValueConvertible, StoredColumnValue {
    static let storedMeaning = "an automation run status"
}
