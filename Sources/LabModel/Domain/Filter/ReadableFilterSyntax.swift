/// What a person types to filter rows — on the Records screen or after `rows list --filter`:
/// either readable syntax, the REST API's (`Updated eq 'False'`) or Journey Builder's
/// (`Updated is False`), so that a learner who copies either from the tutorial gets the rows.
public enum ReadableFilterSyntax {
    /// Reads `text` as `$filter` text, else as criteria text. Where both syntaxes accept a
    /// text (`LastName is null`), they read filters that select the same rows.
    public static func parse(_ text: String) throws(FilterSyntaxError) -> Filter {
        let restFailure: FilterSyntaxError
        do {
            return try RESTFilterSyntax.parse(text)
        } catch {
            restFailure = error
        }
        do {
            return try CriteriaTextSyntax.parse(text)
        } catch {
            if let word = error.unknownOperator, word == restFailure.unknownOperator {
                throw FilterSyntaxError(
                    .readable, text: text,
                    reason:
                        "\"\(word)\" is not an operator (eq, ne, gt, lt, like, is, equals, contains, greater, less, is null…)",
                    progress: error.progress, unknownOperator: word)
            }
            // The syntax that read further is the one the person was writing.
            let closer = error.progress > restFailure.progress ? error : restFailure
            throw FilterSyntaxError(.readable, text: text, reason: closer.reason, progress: closer.progress)
        }
    }
}
