import BackpropKit

/// Everything that stops `derive`, each with its exit code and one-line message.
public enum DeriveError: Error, Equatable, CustomStringConvertible {
    /// A malformed command line.
    case usage(String)
    /// A network or value that cannot be derived.
    case data(String)
    /// An input file that cannot be read.
    case noInput(String)
    /// An output that cannot be written.
    case cannotWrite(String)

    /// The exit code for the error.
    public var exitCode: ExitCode {
        switch self {
        case .usage: return .usage
        case .data: return .dataError
        case .noInput: return .noInput
        case .cannotWrite: return .cannotCreate
        }
    }

    public var description: String {
        switch self {
        case .usage(let message), .data(let message), .noInput(let message), .cannotWrite(let message): return message
        }
    }

    /// A data error from the library, prefixed with "Error: " and where the data came from, if from a file.
    static func data(_ error: NetworkError, source: String?) -> DeriveError {
        let prefix = source.map { "Error: \($0): " } ?? "Error: "
        switch error {
        case .invalid(let path, let reason): return .data(prefix + "\(path): \(reason)")
        case .notComputable(let reason): return .data(prefix + reason)
        }
    }
}
