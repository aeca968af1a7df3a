import Terminal
import Testing

@Suite struct RunLoopTests {
    /// A screen that shows what was typed and the messages that arrived.
    final class Typing {
        var text = ""
        var messages: [String] = []

        func update(_ input: RunLoopInput<String>) -> RunLoopStep {
            switch input {
            case .event(.key(.character(let character))):
                text.append(character)
                return .redraw
            case .event(.key(.escape)):
                return .quit
            case .message(let message):
                messages.append(message)
                return .redraw
            default:
                return .unchanged
            }
        }

        func view(_ size: TerminalSize) -> Buffer {
            var buffer = Buffer(size: size)
            buffer.write("Typed: \(text)", x: 0, y: 0)
            buffer.write("Messages: \(messages.joined(separator: ","))", x: 0, y: 1)
            return buffer
        }
    }

    @Test func drawsOnlyWhenSomethingChangedAndQuitsWhenAsked() {
        let backend = MemoryBackend(size: TerminalSize(columns: 80, rows: 24))
        backend.queue(typing: "Zoë 日本")
        backend.queue(.key(.up))
        backend.queue(.key(.escape))
        let loop = RunLoop<String>(backend: backend)
        let app = Typing()
        loop.inbox.post("ready")
        loop.run(update: app.update, view: app.view)
        #expect(backend.screen?.line(0).hasPrefix("Typed: Zoë 日本") == true)
        #expect(backend.screen?.line(1).hasPrefix("Messages: ready") == true)
        // The first frame, one for the message (drawn before any key is read), one per typed
        // character; the arrow changed nothing, so it drew nothing.
        #expect(backend.drawn.count == 1 + 1 + 6)
        #expect(backend.isShutDown)
    }

    @Test func ctrlCQuitsAndCtrlZSuspendsWhateverTheAppDoes() {
        let backend = MemoryBackend(size: TerminalSize(columns: 80, rows: 24))
        backend.queue(.key(.control("z")))
        backend.queue(.key(.control("c")))
        backend.queue(typing: "never seen")
        let loop = RunLoop<String>(backend: backend)
        let app = Typing()
        loop.run(update: app.update, view: app.view)
        #expect(backend.suspensions == 1)
        #expect(app.text == "")
        #expect(backend.isShutDown)
    }

    @Test func belowTheMinimumSizeATooSmallNoticeReplacesTheApp() {
        let backend = MemoryBackend(size: TerminalSize(columns: 100, rows: 30))
        backend.queue(.resize(TerminalSize(columns: 60, rows: 20)))
        backend.queue(typing: "x")
        let loop = RunLoop<String>(backend: backend)
        let app = Typing()
        var idleScreens: [Buffer] = []
        loop.run(update: app.update, view: app.view) {
            idleScreens.append(backend.screen!)
            if idleScreens.count == 1 {
                backend.queue(.resize(TerminalSize(columns: 100, rows: 30)))
            } else {
                loop.inbox.requestStop()
            }
        }
        let small = idleScreens[0]
        #expect(small.size == TerminalSize(columns: 60, rows: 20))
        #expect(small.lines.contains { $0.contains("terminal too small — needs 80×24") })
        #expect(app.text == "", "keys typed while too small are not delivered")
        #expect(idleScreens[1].line(0).hasPrefix("Typed: "))
        #expect(idleScreens[1].size == TerminalSize(columns: 100, rows: 30))
    }

    /// The app says when it wants the mouse (not while it shows text to select) and what to
    /// print when Ctrl-Z suspends it; the loop passes both on to the terminal.
    @Test func theMouseIsReleasedWhenAskedAndSuspendingPrintsTheAppsNotice() {
        let backend = MemoryBackend(size: TerminalSize(columns: 80, rows: 24))
        backend.queue(typing: "x")
        backend.queue(.key(.control("z")))
        let loop = RunLoop<String>(backend: backend)
        let app = Typing()
        var capturesAtIdle: [Bool] = []
        loop.run(
            update: app.update, view: app.view,
            idle: {
                capturesAtIdle.append(backend.capturesMouse)
                loop.inbox.requestStop()
            }, capturesMouse: { app.text.isEmpty }, suspendNotice: { "paused with the emulator" })
        #expect(backend.suspendNotices == ["paused with the emulator"])
        #expect(capturesAtIdle == [false], "after typing, the app let the mouse go")
    }
}
