import ArgumentParser
import LabModel

/// `--workspace`, shared by every verb that touches a workspace.
struct WorkspaceOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The workspace file.",
            discussion:
                "Default: $JOURNEYLAB_WORKSPACE, else $XDG_DATA_HOME/journeylab/workspace.sqlite, else ~/.local/share/journeylab/workspace.sqlite.",
            valueName: "path"))
    var workspace: String?

    var path: String { WorkspaceLocation.resolve(explicit: workspace) }
}
