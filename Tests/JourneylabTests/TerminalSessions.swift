import Testing

/// Every test that drives the real `journeylab` binary in a real terminal (tmux), one after
/// another: on two cores, apps starting side by side would each wait on the others and turn
/// generous limits into flaky ones. They wait on screen conditions, never on fixed sleeps.
@Suite(.serialized) struct TerminalSessions {}
