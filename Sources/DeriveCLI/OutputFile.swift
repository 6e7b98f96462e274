#if canImport(Glibc)
import Glibc
#endif

/// Writes a file atomically: into a temporary file beside it, renamed over the destination only when
/// everything was written, so a failed run never leaves a truncated or half-written file.
enum OutputFile {
    /// Writes what `body` writes to `path`.
    /// - Throws: ``DeriveError/cannotWrite(_:)`` when the file cannot be created, written or renamed.
    static func write(to path: String, _ body: (inout FileDescriptorStream) -> Void) throws(DeriveError) {
        let directory = path.contains("/") ? String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)]) : "."
        var template = ((directory.isEmpty ? "" : directory) + "/.derive-XXXXXX").utf8CString.map { $0 }
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
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
        if error == nil && rename(temporary, path) != 0 { error = errno }
        if let error {
            unlink(temporary)
            throw failure(path, error)
        }
    }

    private static func failure(_ path: String, _ code: Int32) -> DeriveError {
        .cannotWrite("Error: cannot write '\(path)': \(String(cString: strerror(code)))")
    }
}
