import Dispatch
import LabModel

/// Performs effects one after another on a queue of its own, so the screens keep answering
/// keys while a write or an index build runs, and posts each result as a message.
public final class EffectRunner: Sendable {
    private let workspace: Workspace
    private let queue = DispatchQueue(label: "journeylab.effects")
    private let post: @Sendable (AppMessage) -> Void

    /// - Parameter post: hands a finished effect to the run loop's inbox.
    public init(workspace: Workspace, post: @escaping @Sendable (AppMessage) -> Void) {
        self.workspace = workspace
        self.post = post
    }

    func run(_ effect: Effect, for screen: ObjectIdentifier) {
        queue.async { [workspace, post] in
            let result = Result { try effect.perform(in: workspace) }
            post(.effectFinished(EffectCompletion(screen: screen, effect: effect, result: result)))
        }
    }

    /// Returns once every effect asked for so far has run and posted its result.
    public func waitUntilIdle() { queue.sync {} }
}
