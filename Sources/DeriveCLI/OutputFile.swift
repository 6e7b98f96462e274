import BackpropKit
import BackpropRendering

/// Writes files atomically: each into a temporary file beside it, all renamed over their destinations only
/// when every one was written, so a failed run never leaves a truncated, half-written or partial set of files.
enum OutputFile {
    /// A file to write: its path and what writes its content.
    typealias Content = (path: String, body: (inout FileDescriptorStream) -> Void)

    /// Writes what `body` writes to `path`.
    /// - Throws: ``DeriveError/cannotWrite(_:)`` when the file cannot be created, written or renamed.
    static func write(to path: String, _ body: (inout FileDescriptorStream) -> Void) throws(DeriveError) {
        try withoutActuallyEscaping(body) { body throws(DeriveError) in try write([(path, body)]) }
    }

    /// Writes every handout file, or none.
    /// - Throws: ``DeriveError/cannotWrite(_:)`` naming the first file that cannot be created, written or renamed.
    static func write(_ files: [HandoutFile]) throws(DeriveError) {
        try write(files.map { file in (file.path, { file.write(to: &$0) }) })
    }

    /// Writes every file, or none.
    /// - Throws: ``DeriveError/cannotWrite(_:)`` naming the first file that cannot be created, written or renamed.
    static func write(_ files: [Content]) throws(DeriveError) {
        var written: [(temporary: String, path: String)] = []
        for file in files {
            do {
                written.append((try temporary(for: file.path, file.body), file.path))
            } catch {
                for done in written { Platform.removeFile(done.temporary) }
                throw error
            }
        }
        for (index, file) in written.enumerated() {
            guard let code = Platform.renameFile(file.temporary, to: file.path) else { continue }
            for rest in written[index...] { Platform.removeFile(rest.temporary) }
            throw failure(file.path, code)
        }
    }

    /// Writes `body` into a new temporary file in the directory of `path`, flushed to disk.
    /// - Returns: The temporary file's path.
    private static func temporary(for path: String, _ body: (inout FileDescriptorStream) -> Void) throws(DeriveError) -> String {
        let directory = path.contains("/") ? String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)]) : "."
        let temporary: String
        let descriptor: Int32
        switch Platform.makeTemporaryFile((directory.isEmpty ? "" : directory) + "/.derive-XXXXXX") {
        case .success(let file): (descriptor, temporary) = file
        case .failure(let error): throw failure(path, error.code)
        }

        var stream = FileDescriptorStream(descriptor: descriptor)
        body(&stream)
        if let error = Platform.finishFile(descriptor, writeError: stream.finish()) {
            Platform.removeFile(temporary)
            throw failure(path, error)
        }
        return temporary
    }

    private static func failure(_ path: String, _ code: Int32) -> DeriveError {
        .cannotWrite(.file(path: path, code: code))
    }
}
