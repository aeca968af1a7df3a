import Foundation
import GRDB
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The one door to a workspace's state. Its methods are named after what a person does;
/// each write is one transaction that happens whole, with its journal entry, or not at all.
///
/// Opening a workspace makes this process its owner until `close()` (or exit).
public final class Workspace: WorkspaceReading, Sendable {
    public let path: String
    let pool: DatabasePool
    private let lock: WorkspaceLock
    let clock: @Sendable () -> Date
    private let isOpen = Mutex(true)
    let feed = ChangeFeed()
    /// Drains fired events; started by whoever serves the workspace (the app, `serve`, tests).
    public let engine: EventEngine
    /// Firings from many requests share commits: the speed layer under the firing path.
    let firingWriter: FiringWriter
    /// Counts the writes that may change definitions (every `perform`); what was read of the
    /// definitions before the latest one is read again.
    let definitionsGeneration = Atomic<UInt64>(0)
    let apiEventTargets = Mutex(APIEventTargets())

    public var storage: WorkspaceStorage { WorkspaceStorage(reader: pool, indexBuilder: pool) }

    /// Opens (creating when needed, mode 0600) the workspace at `path` and takes ownership of it.
    /// - Throws: `WorkspaceAccessError.ownedByAnotherProcess` naming the owner's pid.
    public init(path: String, clock: @escaping @Sendable () -> Date = { Date() }) throws {
        let path = WorkspaceLocation.absolute(path)
        try Self.createDirectory(containing: path)
        lock = try WorkspaceLock.acquire(forWorkspace: path)
        try Self.createPrivateFile(at: path)
        self.path = path
        self.clock = clock
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            // A bulk insert into a large data extension touches index pages all over the file;
            // a page cache that holds them (up to 128 MiB, used only as needed) writes each
            // dirty page once per transaction instead of spilling and re-reading it.
            try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -131072")
            // Savepoints (a shared commit retried after a refusal, an engine batch after a failed
            // decision) keep their statement journal in memory, not in a temporary file created
            // and deleted every time.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
        }
        configuration.busyMode = .timeout(5)
        pool = try DatabasePool(path: path, configuration: configuration)
        try Migrations.migrator.migrate(pool)
        let firingWriter = FiringWriter(pool: pool, path: path)
        self.firingWriter = firingWriter
        engine = EventEngine(pool: pool, clock: clock, feed: feed, firingsWaiting: { firingWriter.isBusy })
    }

    // Without close(), the engine's thread would keep the database open for the life of the
    // process, and the checkpointer its connection. (The reference the writer's hook took on
    // the checkpointer stays: a few bytes for each workspace dropped without close().)
    deinit {
        engine.requestStop()
        firingWriter.stopCheckpoints()
    }

    /// The pid of a killed owner whose lock this workspace took over, if any.
    public var previousOwnerPID: Int32? { lock.previousOwnerPID }

    /// Records the emulator's URL beside the lock, so other `journeylab` processes can find it.
    public func recordServerURL(_ url: String?) {
        lock.record(WorkspaceOwner(pid: getpid(), serverURL: url))
    }

    /// Checkpoints the WAL and gives up ownership. Calling it again does nothing.
    public func close() {
        let wasOpen = isOpen.withLock { open in
            defer { open = false }
            return open
        }
        guard wasOpen else { return }
        engine.requestStop()
        feed.finish()
        firingWriter.close(in: pool)
        // Ownership ends only once nothing here can write; otherwise the lock goes with the process.
        if (try? pool.close()) != nil { lock.release() }
    }

    /// Runs `change` in one transaction and appends the journal line it returns; subscribers
    /// hear of it once it is committed.
    func perform<Result>(_ change: (Database) throws -> (Result, JournalLine)) throws -> Result {
        let now = clock()
        let (result, entry) = try pool.write { db in
            // Inside the transaction: a firing after it (firings read under the same writer)
            // sees the new generation, so nothing read before this change is used after it.
            definitionsGeneration.add(1, ordering: .releasing)
            let (result, line) = try change(db)
            return (result, try JournalRecord.append(line, time: now, in: db))
        }
        feed.publish([.journal(entry)] + entry.impliedChanges)
        return result
    }

    /// Hands each batch of changes to `deliver` as it is committed, on the writer's thread:
    /// `deliver` must only queue them (a view's inbox). Nothing is dropped, however many come.
    public func observeChanges(_ deliver: @escaping @Sendable ([WorkspaceChange]) -> Void) -> ChangeObservation {
        feed.observe(deliver)
    }

    private static func createDirectory(containing path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw WorkspaceAccessError.cannotCreate(path: path, reason: "cannot create the folder \(directory)")
        }
    }

    private static func createPrivateFile(at path: String) throws {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw WorkspaceAccessError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
        }
        // An existing file keeps its mode otherwise; SQLite gives -wal and -shm the same mode.
        fchmod(fd, 0o600)
        Glibc.close(fd)
    }
}
