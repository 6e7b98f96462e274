#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Reads the input files of `derive` (`--network`, `--template`) whole, as a shell's `<` would: regular
/// files, pipes, `/dev/stdin` and other character devices alike, with the system's reason when it cannot.
enum InputFile {
    /// Why a file cannot be read.
    enum Problem: Error, Equatable, Sendable {
        /// `open` or `read` failed with this `errno`.
        case system(Int32)
        /// The file holds more than `limit` bytes.
        case tooLarge(limit: Int)
        /// The file is not UTF-8 text.
        case notUTF8
    }

    /// The most bytes an input file may hold: as much as the largest output `derive` writes unasked.
    static let sizeLimit = 1 << 30

    /// The bytes of the file at `path`, at most `limit` of them.
    static func read(_ path: String, limit: Int = sizeLimit) -> Result<[UInt8], Problem> {
        var descriptor: Int32
        repeat {
            descriptor = open(path, O_RDONLY | O_CLOEXEC)
        } while descriptor < 0 && errno == EINTR
        guard descriptor >= 0 else { return .failure(.system(errno)) }
        defer { close(descriptor) }
        var status = stat()
        if fstat(descriptor, &status) == 0 && status.st_mode & 0o170000 == 0o040000 { return .failure(.system(EISDIR)) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { readBytes(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(.system(errno))
            }
            if count == 0 { return .success(bytes) }
            guard bytes.count + count <= limit else { return .failure(.tooLarge(limit: limit)) }
            bytes.append(contentsOf: chunk[..<count])
        }
    }

    /// The UTF-8 text of the file at `path`.
    static func readText(_ path: String) -> Result<String, Problem> {
        read(path).flatMap { bytes in
            guard let text = String(validating: bytes, as: UTF8.self) else { return .failure(.notUTF8) }
            return .success(text)
        }
    }

    /// "permission denied": the problem as the end of "cannot read 'x': …".
    static func reason(_ problem: Problem) -> String {
        switch problem {
        case .system(ENOENT): return "no such file"
        case .system(EACCES), .system(EPERM): return "permission denied"
        case .system(EISDIR): return "it is a directory"
        case .system(ENOTDIR): return "a part of the path is not a directory"
        case .system(ENAMETOOLONG): return "the path is too long"
        case .system(ELOOP): return "too many symbolic links"
        case .system(let code): return Platform.message(for: code).lowercased()
        case .tooLarge(let limit): return "it is larger than \(limit >> 30) GB"
        case .notUTF8: return "it is not UTF-8 text"
        }
    }
}

/// The C library's `read`, which ``InputFile/read(_:limit:)`` hides by its name.
private func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
