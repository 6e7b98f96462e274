import CAllocator
#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The C library calls of `derive`, in the one file that knows which C library it is (Darwin on macOS,
/// Glibc or Musl on Linux). The names differ from the C functions' so each call below reaches the C function.
enum Platform {
    // MARK: - Errors

    /// `errno`: the error code of the last failed call.
    static var errorCode: Int32 { errno }
    /// `EINTR`: a call was interrupted by a signal before it did anything, and may be repeated.
    static let interrupted = EINTR
    /// `EPIPE`: the reader of a pipe has gone.
    static let brokenPipe = EPIPE
    /// `EISDIR`: a file cannot be written because a directory has its name.
    static let isDirectory = EISDIR
    /// `EEXIST`: something already has the name.
    static let alreadyExists = EEXIST

    /// The system's description of the error `code`, e.g. "No such file or directory".
    static func message(for code: Int32) -> String {
        String(cString: strerror(code))
    }

    // MARK: - Text

    /// `value` as `printf` writes it with `format`, a conversion of one double such as `%.1f`.
    ///
    /// The buffer holds the longest such text, a `%f` of the largest double (309 digits) with a
    /// precision of at most 17.
    static func formatted(_ value: Double, _ format: String) -> String {
        var buffer = [CChar](repeating: 0, count: 400)
        let written = withVaList([value]) { arguments in
            buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, $0.count, format, arguments) }
        }
        guard written >= 0 else { return value.description }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    // MARK: - Process

    /// Ends the process with exit status `code`.
    static func terminate(_ code: Int32) -> Never {
        exit(code)
    }

    /// `getenv(3)`: the value of the environment variable `name`, or `nil` when it is not set.
    static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    // MARK: - Memory

    /// Has the allocator keep the memory the run frees for its next allocations, rather than return it to
    /// the system after every section and fault it back in for the next (glibc only; see `CAllocator.h`).
    static func keepFreedMemory() {
        derive_keep_freed_memory()
    }

    // MARK: - Signals

    /// Installs the signal handling of a command-line run:
    /// - SIGINT, SIGTERM and SIGHUP remove what ``registerForRemoval(_:isDirectory:)`` registered, then end the
    ///   process by the same signal, as the shell expects;
    /// - SIGQUIT does the same cleanup and exits with status 131 (128 + SIGQUIT), without a crash report or core;
    /// - SIGPIPE and SIGXFSZ are ignored, so writing to a closed pipe fails with `EPIPE` and writing beyond the
    ///   file size limit (`ulimit -f`) with `EFBIG`, both reported like any failed write.
    ///
    /// A signal the parent set to be ignored (`nohup`, or `&` in a script) stays ignored. The handled signals are
    /// unblocked: a parent that starts derive from a thread blocking them (a libdispatch worker does) would
    /// otherwise leave derive unable to be interrupted.
    static func installSignalHandlers() {
        Removals.prepare()
        _ = signal(SIGPIPE, SIG_IGN)
        _ = signal(SIGXFSZ, SIG_IGN)
        var handled = sigset_t()
        sigemptyset(&handled)
        for number in Removals.endingSignals {
            let previous = signal(number, endBySignal)
            if unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) {
                _ = signal(number, SIG_IGN)
            } else {
                sigaddset(&handled, number)
            }
        }
        pthread_sigmask(SIG_UNBLOCK, &handled, nil)
    }

    /// Runs `body` with SIGINT, SIGTERM, SIGHUP and SIGQUIT held back, so a signal cannot end the process halfway
    /// through `body`; one that arrived meanwhile is delivered when `body` returns. The signals are blocked on
    /// this thread, and the handler postpones one delivered to another thread.
    static func deferringSignals<Value, Failure: Error>(_ body: () throws(Failure) -> Value) throws(Failure) -> Value {
        var blocked = sigset_t()
        var previous = sigset_t()
        sigemptyset(&blocked)
        for number in Removals.endingSignals { sigaddset(&blocked, number) }
        pthread_sigmask(SIG_BLOCK, &blocked, &previous)
        Removals.isDeferring = true
        defer {
            Removals.isDeferring = false
            pthread_sigmask(SIG_SETMASK, &previous, nil)
            let postponed = Removals.postponedSignal
            if postponed != 0 {
                Removals.postponedSignal = 0
                raise(postponed)
            }
        }
        return try body()
    }

    /// Registers a temporary file, or a directory this run created, to be removed if the process is ended by a
    /// signal or by ``removeRegistered()``.
    /// - Returns: The registration, for ``forgetRemoval(_:)`` once the path is renamed, removed or kept.
    static func registerForRemoval(_ path: String, isDirectory: Bool) -> Int {
        Removals.register(path, isDirectory: isDirectory)
    }

    /// Forgets a registration of ``registerForRemoval(_:isDirectory:)``.
    static func forgetRemoval(_ registration: Int) {
        Removals.forget(registration)
    }

    /// Removes every registered path, the latest first: the temporary files, then the directories this run
    /// created (each only if empty). Uses only async-signal-safe calls.
    static func removeRegistered() {
        Removals.removeAll()
    }

    // MARK: - Files

    /// What a path names.
    enum FileKind: Equatable {
        case missing, regular, directory, symbolicLink
        /// A device, FIFO or socket: something written like a stream, not replaced.
        case stream
    }

    /// What `stat(2)` tells of a path.
    struct FileStatus: Equatable {
        /// What the path names.
        var kind: FileKind
        /// The permission bits, with set-user-ID, set-group-ID and sticky.
        var permissions: UInt32 = 0
        /// The owner's user ID.
        var owner: UInt32 = 0
        /// The group ID.
        var group: UInt32 = 0
    }

    /// `lstat(2)` or, `followingLinks`, `stat(2)`.
    /// - Returns: The status (``FileKind/missing`` when nothing has the name), or the `errno`, e.g.
    ///   `ENAMETOOLONG` or `ENOTDIR`.
    static func status(of path: String, followingLinks: Bool) -> Result<FileStatus, Errno> {
        var information = stat()
        let result = followingLinks ? stat(path, &information) : lstat(path, &information)
        guard result == 0 else {
            return errno == ENOENT ? .success(FileStatus(kind: .missing)) : .failure(Errno(code: errno))
        }
        let kind: FileKind
        switch information.st_mode & S_IFMT {
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .directory
        case S_IFLNK: kind = .symbolicLink
        default: kind = .stream
        }
        return .success(FileStatus(kind: kind, permissions: UInt32(information.st_mode & 0o7777),
                                   owner: UInt32(information.st_uid), group: UInt32(information.st_gid)))
    }

    /// `realpath(3)`: the absolute path `path` names, with every symbolic link resolved, or `nil`.
    static func resolvedPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Gives the file at `path` the owner, group and permission bits of `status` (the file it replaces). The
    /// owner is kept where the process may set it; where it may not, the set-ID bits are dropped.
    static func copyOwnership(_ status: FileStatus, to path: String) {
        var permissions = status.permissions
        if chown(path, uid_t(status.owner), gid_t(status.group)) != 0 { permissions &= 0o1777 }
        _ = chmod(path, mode_t(truncatingIfNeeded: permissions))
    }

    /// `write(2)`: writes up to `count` bytes from `bytes` to `descriptor`.
    /// - Returns: The number of bytes written, or -1 with ``errorCode`` set.
    static func writeBytes(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        write(descriptor, bytes, count)
    }

    /// Writes `text` to standard error at once, unbuffered; a failure is ignored (the text is a courtesy).
    static func writeError(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in buffer.baseAddress.map { write(2, $0 + offset, buffer.count - offset) } ?? -1 }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return }
            offset += written
        }
    }

    /// `isatty(3)`: whether `descriptor` is a terminal.
    static func isTerminal(_ descriptor: Int32) -> Bool {
        isatty(descriptor) == 1
    }

    /// `mkstemp(3)`: creates and opens a new file from `template`, a path ending in `XXXXXX`.
    /// - Returns: The descriptor and the file's path, or the `errno`.
    static func makeTemporaryFile(_ template: String) -> Result<(descriptor: Int32, path: String), Errno> {
        var path = template.utf8CString.map { $0 }
        let descriptor = path.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard descriptor >= 0 else { return .failure(Errno(code: errno)) }
        let bytes = path.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return .success((descriptor, String(decoding: bytes, as: UTF8.self)))
    }

    /// Opens an existing device, FIFO or socket for writing, as a shell's `>` does (blocking until a FIFO
    /// has a reader).
    /// - Returns: The descriptor, or the `errno`.
    static func openForWriting(_ path: String) -> Result<Int32, Errno> {
        while true {
            let descriptor = open(path, O_WRONLY | O_TRUNC | O_NOCTTY)
            if descriptor >= 0 { return .success(descriptor) }
            if errno != EINTR { return .failure(Errno(code: errno)) }
        }
    }

    /// Finishes a file written through `descriptor`: gives it the permissions a new file gets from the
    /// process's umask and flushes it to disk, unless writing it failed with `writeError`, then closes it.
    /// - Returns: `writeError`, or else the `errno` of the first failed call, or `nil`.
    static func finishFile(_ descriptor: Int32, writeError: Int32?) -> Int32? {
        let mask = umask(0)
        umask(mask)
        var error = writeError
        if error == nil && fchmod(descriptor, 0o666 & ~mask) != 0 { error = errno }
        if error == nil && fsync(descriptor) != 0 { error = errno }
        if close(descriptor) != 0 && error == nil { error = errno }
        return error
    }

    /// `close(2)`.
    /// - Returns: `writeError`, or else the `errno` of a failed close, or `nil`.
    static func closeFile(_ descriptor: Int32, writeError: Int32?) -> Int32? {
        close(descriptor) != 0 && writeError == nil ? errno : writeError
    }

    /// `rename(2)`: moves `source` over `destination` atomically.
    /// - Returns: The `errno`, or `nil` on success.
    static func renameFile(_ source: String, to destination: String) -> Int32? {
        rename(source, destination) == 0 ? nil : errno
    }

    /// `link(2)`: gives the file `source` the second name `destination`.
    /// - Returns: The `errno`, or `nil` on success.
    static func linkFile(_ source: String, to destination: String) -> Int32? {
        link(source, destination) == 0 ? nil : errno
    }

    /// `unlink(2)`, ignoring failure: removes a temporary file.
    static func removeFile(_ path: String) {
        _ = unlink(path)
    }

    /// `mkdir(2)` with the permissions the umask leaves of 0777.
    /// - Returns: The `errno`, or `nil` on success.
    static func makeDirectory(_ path: String) -> Int32? {
        mkdir(path, 0o777) == 0 ? nil : errno
    }

    /// `rmdir(2)`, ignoring failure: removes a directory if it is empty.
    static func removeDirectory(_ path: String) {
        _ = rmdir(path)
    }

    /// Takes the exclusive `flock(2)` lock of the directory `path`, waiting while another process holds it.
    /// - Returns: The descriptor that holds the lock, for ``unlock(_:)``, or the `errno`.
    static func lockDirectory(_ path: String) -> Result<Int32, Errno> {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return .failure(Errno(code: errno)) }
        while flock(descriptor, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            let code = errno
            close(descriptor)
            return .failure(Errno(code: code))
        }
        return .success(descriptor)
    }

    /// Releases a lock of ``lockDirectory(_:)``.
    static func unlock(_ descriptor: Int32) {
        _ = close(descriptor)
    }

    /// An `errno` value as an error.
    struct Errno: Error {
        /// The `errno`.
        let code: Int32
    }
}

// MARK: - Removal on signals

/// The paths to remove when a signal ends the process, kept in C memory so the signal handler reads them
/// without allocating, locking or retaining: a growing array of entries (a `strdup` path or `nil`, and whether it
/// is a directory), of which the first `count` are in use. A full array is copied into one twice as large; the
/// old one is never freed, so a handler that still reads it reads valid memory.
private enum Removals {
    struct Entry {
        var path: UnsafeMutablePointer<CChar>?
        var isDirectory: Bool
    }

    static let endingSignals = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    nonisolated(unsafe) static var entries = UnsafeMutablePointer<Entry>.allocate(capacity: 64)
    nonisolated(unsafe) static var capacity = 64
    nonisolated(unsafe) static var count = 0
    /// Whether files are being moved into place, when a signal handled on another thread waits.
    nonisolated(unsafe) static var isDeferring = false
    /// A signal that arrived while ``isDeferring``, or 0.
    nonisolated(unsafe) static var postponedSignal: Int32 = 0
    /// Serializes registrations from several threads (tests run `derive` in process, in parallel).
    nonisolated(unsafe) static var mutex: UnsafeMutablePointer<pthread_mutex_t> = {
        let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
        return mutex
    }()

    /// Initializes the storage before a handler may read it.
    static func prepare() {
        pthread_mutex_lock(mutex)
        _ = entries
        _ = count
        _ = isDeferring
        _ = postponedSignal
        pthread_mutex_unlock(mutex)
    }

    static func register(_ path: String, isDirectory: Bool) -> Int {
        let copy = strdup(path)
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        if count == capacity {
            let larger = UnsafeMutablePointer<Entry>.allocate(capacity: capacity * 2)
            larger.initialize(from: entries, count: count)
            entries = larger
            capacity *= 2
        }
        (entries + count).initialize(to: Entry(path: copy, isDirectory: isDirectory))
        count += 1
        return count - 1
    }

    static func forget(_ registration: Int) {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        guard registration < count, let path = entries[registration].path else { return }
        entries[registration].path = nil
        free(path)
        while count > 0 && entries[count - 1].path == nil { count -= 1 }
    }

    /// Async-signal-safe: reads the count before the array, and calls only `unlink` and `rmdir`.
    static func removeAll() {
        let count = count
        let entries = entries
        var index = count
        while index > 0 {
            index -= 1
            guard let path = entries[index].path else { continue }
            if entries[index].isDirectory { rmdir(path) } else { unlink(path) }
        }
    }
}

/// The handler of SIGINT, SIGTERM, SIGHUP and SIGQUIT (see ``Platform/installSignalHandlers()``).
private func endBySignal(_ number: Int32) {
    if Removals.isDeferring {
        Removals.postponedSignal = number
        return
    }
    Removals.removeAll()
    if number == SIGQUIT { _exit(128 + SIGQUIT) }
    signal(number, SIG_DFL)
    raise(number)
}
