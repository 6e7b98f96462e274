#if canImport(Glibc)
import Glibc
#endif
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
                for done in written { unlink(done.temporary) }
                throw error
            }
        }
        for (index, file) in written.enumerated() where rename(file.temporary, file.path) != 0 {
            let code = errno
            for rest in written[index...] { unlink(rest.temporary) }
            throw failure(file.path, code)
        }
    }

    /// Writes `body` into a new temporary file in the directory of `path`, flushed to disk.
    /// - Returns: The temporary file's path.
    private static func temporary(for path: String, _ body: (inout FileDescriptorStream) -> Void) throws(DeriveError) -> String {
        let directory = path.contains("/") ? String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)]) : "."
        var template = ((directory.isEmpty ? "" : directory) + "/.derive-XXXXXX").utf8CString.map { $0 }
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard descriptor >= 0 else { throw failure(path, errno) }
        let temporary = String(cString: template)

        var stream = FileDescriptorStream(descriptor: descriptor)
        body(&stream)
        let mask = umask(0)
        umask(mask)
        var error = stream.finish()
        if error == nil && fchmod(descriptor, 0o666 & ~mask) != 0 { error = errno }
        if error == nil && fsync(descriptor) != 0 { error = errno }
        if close(descriptor) != 0 && error == nil { error = errno }
        if let error {
            unlink(temporary)
            throw failure(path, error)
        }
        return temporary
    }

    private static func failure(_ path: String, _ code: Int32) -> DeriveError {
        .cannotWrite("Error: cannot write '\(path)': \(String(cString: strerror(code)))")
    }
}
