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

    /// The system's description of the error `code`, e.g. "No such file or directory".
    static func message(for code: Int32) -> String {
        String(cString: strerror(code))
    }

    // MARK: - Process

    /// Makes a write to a closed pipe fail with ``brokenPipe`` instead of ending the process.
    static func ignoreBrokenPipes() {
        _ = signal(SIGPIPE, SIG_IGN)
    }

    /// Ends the process with exit status `code`.
    static func terminate(_ code: Int32) -> Never {
        exit(code)
    }

    // MARK: - Files

    /// `write(2)`: writes up to `count` bytes from `bytes` to `descriptor`.
    /// - Returns: The number of bytes written, or -1 with ``errorCode`` set.
    static func writeBytes(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        write(descriptor, bytes, count)
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

    /// `rename(2)`: moves `source` over `destination` atomically.
    /// - Returns: The `errno`, or `nil` on success.
    static func renameFile(_ source: String, to destination: String) -> Int32? {
        rename(source, destination) == 0 ? nil : errno
    }

    /// `unlink(2)`, ignoring failure: removes a temporary file.
    static func removeFile(_ path: String) {
        _ = unlink(path)
    }

    /// An `errno` value as an error.
    struct Errno: Error {
        /// The `errno`.
        let code: Int32
    }
}
