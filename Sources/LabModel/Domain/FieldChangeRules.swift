/// Which changes to a field stored records survive. Checked only when the data extension has rows.
struct FieldChangeRules {
    let old: Field
    let new: Field
    let rowCount: Int

    func check(extent: StoredExtent) throws(DefinitionError) {
        let records = "\(rowCount) record\(rowCount == 1 ? "" : "s")"
        switch (old.type, new.type) {
        case (.decimal(_, let oldScale), .decimal(let precision, let newScale)):
            guard oldScale == newScale else {
                throw refuse("the scale cannot change while the data extension has \(records)")
            }
            guard String(extent.largest).count <= precision else {
                throw refuse("a stored value has more digits than precision \(precision) allows")
            }
        case _ where old.type != new.type:
            throw refuse(
                "it is \(old.type.description) and the data extension has \(records); a field's type can only change while it is empty"
            )
        default:
            break
        }
        if new.type.hasLength, let length = new.length, extent.longest > length {
            throw refuse("a stored value is \(extent.longest) characters long, more than the new length \(length)")
        }
        if new.isRequired && !old.isRequired && extent.nulls > 0 {
            throw refuse("\(extent.nulls) stored record\(extent.nulls == 1 ? " has" : "s have") no value")
        }
    }

    private func refuse(_ reason: String) -> DefinitionError {
        .breaksStoredValues(field: old.name, reason: reason)
    }
}
