/// The exit status of `derive`, with the BSD `sysexits.h` codes for failures.
public struct ExitCode: Equatable, Sendable, CustomStringConvertible {
    /// The numeric status.
    public let rawValue: Int32

    /// Everything was written.
    public static let success = ExitCode(rawValue: 0)
    /// The command line is malformed (EX_USAGE).
    public static let usage = ExitCode(rawValue: 64)
    /// The input data is malformed or cannot be computed (EX_DATAERR).
    public static let dataError = ExitCode(rawValue: 65)
    /// An input file is missing or unreadable (EX_NOINPUT).
    public static let noInput = ExitCode(rawValue: 66)
    /// The output cannot be written (EX_CANTCREAT).
    public static let cannotCreate = ExitCode(rawValue: 73)

    public var description: String { String(rawValue) }
}
