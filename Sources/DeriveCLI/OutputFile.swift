import BackpropKit
import BackpropRendering

/// Writes the files of a request all or nothing.
///
/// Every target is checked first (a directory or a name too long in its place fails before anything is
/// written); every file is then written completely into a temporary file beside its target; then, holding the
/// `flock` lock of each target directory so concurrent runs do not mix their sets, the files are moved into place,
/// each replaced file kept as a backup until every move has succeeded and put back if one fails. A replaced file
/// keeps its permissions and, where the process may set it, its owner; a symbolic link to a regular file keeps
/// pointing to it, which is replaced. A failed run removes its temporary files and the directories it created,
/// also when a signal ends it.
///
/// A single target that is a device, FIFO or socket (or a symbolic link to one), such as `/dev/null` or
/// `/dev/stdout`, is written through like a shell redirection instead: it cannot be replaced, and is not.
enum OutputFile {
    /// A file to write: its path and what writes its content.
    typealias Content = (path: String, body: (inout FileDescriptorStream) -> Void)

    /// Called at the first failed write to a file. `DeriveCommand.main()` sets it to remove what the run created,
    /// report and exit, so nothing more is computed for an output that cannot be written; without it (in
    /// process), the rest is computed, dropped, and the write throws.
    nonisolated(unsafe) static var failureHandler: ((DeriveError) -> Void)?

    /// Writes what `body` writes to `path`.
    /// - Throws: ``DeriveError/cannotWrite(_:)`` when the file cannot be created, written or renamed.
    static func write(to path: String, _ body: (inout FileDescriptorStream) -> Void) throws(DeriveError) {
        try withoutActuallyEscaping(body) { body throws(DeriveError) in try write([(path, body)]) }
    }

    /// Writes every handout file, or none.
    /// - Parameter directory: The directory the files go into, created (with its parents) when missing.
    /// - Throws: ``DeriveError/cannotWrite(_:)`` naming the first file that cannot be created, written or renamed.
    static func write(_ files: [HandoutFile], creating directory: String? = nil) throws(DeriveError) {
        try write(files.map { file in (file.path, { ProgressLine.write(file, to: &$0) }) }, creating: directory)
    }

    /// Whether `path` is a device, FIFO or socket, or a symbolic link to one: an output written through.
    static func isStream(_ path: String) -> Bool {
        if case .success(let status) = Platform.status(of: path, followingLinks: true) { return status.kind == .stream }
        return false
    }

    /// Writes every file, or none.
    /// - Parameter folder: The directory the files go into, created (with its parents) when missing.
    /// - Throws: ``DeriveError/cannotWrite(_:)`` naming the first file that cannot be created, written or renamed.
    static func write(_ files: [Content], creating folder: String? = nil) throws(DeriveError) {
        guard !files.isEmpty else { return }
        var targets: [Target] = []
        for file in files { targets.append(try target(file.path)) }
        if files.count == 1, targets[0].isStream { return try writeThrough(files[0]) }
        if let stream = targets.first(where: \.isStream) { throw .cannotWrite(.notRegularFile(path: stream.path)) }

        let created = try folder.map(makeDirectories) ?? []
        var staged: [(temporary: Temporary, target: Target)] = []
        do throws(DeriveError) {
            for (file, target) in zip(files, targets) {
                staged.append((try temporary(for: target, file.body), target))
            }
            let locks = try lock(Set(targets.map { directory(of: $0.destination) }).sorted(), naming: targets[0].path)
            defer { locks.forEach(Platform.unlock) }
            try Platform.deferringSignals { () throws(DeriveError) in
                try move(staged)
                for file in staged { Platform.forgetRemoval(file.temporary.registration) }
                for directory in created { Platform.forgetRemoval(directory.registration) }
            }
        } catch {
            for file in staged {
                Platform.removeFile(file.temporary.path)
                Platform.forgetRemoval(file.temporary.registration)
            }
            for directory in created.reversed() {
                Platform.removeDirectory(directory.path)
                Platform.forgetRemoval(directory.registration)
            }
            throw error
        }
    }

    // MARK: - Targets

    /// Where a file goes.
    private struct Target {
        /// The path as the user named it, for messages.
        let path: String
        /// The path replaced: `path`, or the regular file a symbolic link `path` points to.
        let destination: String
        /// Whether `path` is a device, FIFO or socket, written through.
        let isStream: Bool
    }

    /// Checks what `path` names: nothing, a regular file, a stream, or a symbolic link to one of them.
    /// - Throws: ``DeriveError/cannotWrite(_:)`` for a directory, a name too long, a path through a file, ...
    private static func target(_ path: String) throws(DeriveError) -> Target {
        switch Platform.status(of: path, followingLinks: false) {
        case .failure(let error):
            throw failure(path, error.code)
        case .success(let status) where status.kind == .directory:
            throw failure(path, Platform.isDirectory)
        case .success(let status) where status.kind == .symbolicLink:
            switch Platform.status(of: path, followingLinks: true) {
            case .success(let linked) where linked.kind == .directory:
                throw failure(path, Platform.isDirectory)
            case .success(let linked) where linked.kind == .stream:
                return Target(path: path, destination: path, isStream: true)
            case .success(let linked) where linked.kind == .regular:
                return Target(path: path, destination: Platform.resolvedPath(path) ?? path, isStream: false)
            default:
                // A dangling link (or one that cannot be followed) is replaced by the file, as before.
                return Target(path: path, destination: path, isStream: false)
            }
        case .success(let status):
            return Target(path: path, destination: path, isStream: status.kind == .stream)
        }
    }

    /// The directory of `path`: what precedes its last `/`, `/` for a file in the root, `.` without a `/`.
    private static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// A directory this run created.
    private typealias Created = (path: String, registration: Int)

    /// Creates `path` and its missing parents.
    /// - Returns: The directories created, outermost first.
    /// - Throws: ``DeriveError/cannotWrite(_:)`` when one cannot be created; those created are removed.
    private static func makeDirectories(_ path: String) throws(DeriveError) -> [Created] {
        var missing: [String] = []
        var current = path
        while !current.isEmpty && current != "/" && current != "." {
            guard case .success(let status) = Platform.status(of: current, followingLinks: true) else { break }
            guard status.kind == .missing else { break }
            missing.append(current)
            var parent = directory(of: current)
            while parent.count > 1 && parent.hasSuffix("/") { parent.removeLast() }
            current = current.contains("/") ? parent : ""
        }
        var created: [Created] = []
        for directory in missing.reversed() {
            if let code = Platform.makeDirectory(directory) {
                // Another run may just have created it.
                if code == Platform.alreadyExists, case .success(let status) = Platform.status(of: directory, followingLinks: true),
                   status.kind == .directory { continue }
                for done in created.reversed() {
                    Platform.removeDirectory(done.path)
                    Platform.forgetRemoval(done.registration)
                }
                throw .cannotWrite(.directory(path: path))
            }
            created.append((directory, Platform.registerForRemoval(directory, isDirectory: true)))
        }
        return created
    }

    // MARK: - Writing

    /// A temporary file, registered for removal.
    private typealias Temporary = (path: String, registration: Int)

    /// Writes `body` into a new temporary file in the directory of `target`, flushed to disk.
    private static func temporary(for target: Target, _ body: (inout FileDescriptorStream) -> Void) throws(DeriveError) -> Temporary {
        let directory = directory(of: target.destination)
        let descriptor: Int32
        let temporary: Temporary
        // Created and registered with the ending signals held back, so no signal falls between the two and
        // leaves the file behind.
        let made = Platform.deferringSignals {
            Platform.makeTemporaryFile((directory == "/" ? "" : directory) + "/.derive-XXXXXX").map { file in
                (file.descriptor, (file.path, Platform.registerForRemoval(file.path, isDirectory: false)))
            }
        }
        switch made {
        case .success(let file):
            (descriptor, temporary) = file
        case .failure(let error):
            throw failure(target.path, error.code)
        }

        var stream = FileDescriptorStream(descriptor: descriptor, onFailure: failureHandler.map { handler in
            { code in handler(failure(target.path, code)) }
        })
        body(&stream)
        if let error = Platform.finishFile(descriptor, writeError: stream.finish()) {
            Platform.removeFile(temporary.path)
            Platform.forgetRemoval(temporary.registration)
            throw failure(target.path, error)
        }
        return temporary
    }

    /// Writes a device, FIFO or socket directly, as a shell's `>` does.
    private static func writeThrough(_ file: Content) throws(DeriveError) {
        let descriptor: Int32
        switch Platform.openForWriting(file.path) {
        case .success(let opened): descriptor = opened
        case .failure(let error): throw failure(file.path, error.code)
        }
        var stream = FileDescriptorStream(descriptor: descriptor, onFailure: failureHandler.map { handler in
            { code in handler(failure(file.path, code)) }
        })
        file.body(&stream)
        if let error = Platform.closeFile(descriptor, writeError: stream.finish()) {
            throw failure(file.path, error)
        }
    }

    /// Takes the lock of every directory, in order, so two runs never wait for each other's locks.
    /// - Returns: The descriptors holding the locks.
    private static func lock(_ directories: [String], naming path: String) throws(DeriveError) -> [Int32] {
        var locks: [Int32] = []
        for directory in directories {
            switch Platform.lockDirectory(directory) {
            case .success(let descriptor): locks.append(descriptor)
            case .failure(let error):
                locks.forEach(Platform.unlock)
                throw failure(path, error.code)
            }
        }
        return locks
    }

    /// Moves every temporary file over its target. A replaced file is first given a second name, its backup, and
    /// the new file its permissions and owner; when a move fails, every file moved is put back (or removed if
    /// it is new). The backups are removed when every move has succeeded.
    private static func move(_ staged: [(temporary: Temporary, target: Target)]) throws(DeriveError) {
        var moved: [(destination: String, backup: String?)] = []
        func rollBack() {
            for file in moved.reversed() {
                if let backup = file.backup {
                    _ = Platform.renameFile(backup, to: file.destination)
                    Platform.removeFile(backup)
                } else {
                    Platform.removeFile(file.destination)
                }
            }
        }
        for (temporary, target) in staged {
            var backup: String?
            if case .success(let replaced) = Platform.status(of: target.destination, followingLinks: false), replaced.kind == .regular {
                Platform.copyOwnership(replaced, to: temporary.path)
                let name = temporary.path + ".old"
                // A second name keeps the file in place; where links are not supported, it moves aside.
                if Platform.linkFile(target.destination, to: name) == nil || Platform.renameFile(target.destination, to: name) == nil {
                    backup = name
                } else {
                    let code = Platform.errorCode
                    rollBack()
                    throw failure(target.path, code)
                }
            }
            if let code = Platform.renameFile(temporary.path, to: target.destination) {
                if let backup {
                    _ = Platform.renameFile(backup, to: target.destination)
                    Platform.removeFile(backup)
                }
                rollBack()
                throw failure(target.path, code)
            }
            moved.append((target.destination, backup))
        }
        for file in moved { if let backup = file.backup { Platform.removeFile(backup) } }
    }

    private static func failure(_ path: String, _ code: Int32) -> DeriveError {
        .cannotWrite(.file(path: path, code: code))
    }
}
