/// Why a workspace cannot be opened or reset.
public enum WorkspaceAccessError: Error, Sendable, Hashable {
    case ownedByAnotherProcess(path: String, owner: WorkspaceOwner)
    case cannotCreate(path: String, reason: String)
    case notFound(path: String)
}

extension WorkspaceAccessError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .ownedByAnotherProcess(let path, let owner):
            "The workspace \(path) is in use by \(owner.description). Quit that JourneyLab first, or pass --workspace to use another file."
        case .cannotCreate(let path, let reason): "Cannot create the workspace \(path): \(reason)."
        case .notFound(let path): "There is no workspace at \(path) yet."
        }
    }
}
