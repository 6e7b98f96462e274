/// Splits a command line into options and their values: `--flag value`, `--flag=value` and switches.
struct ArgumentScanner {
    private var remaining: ArraySlice<String>

    /// A scanner over `arguments` (without the program name).
    init(arguments: [String]) {
        remaining = arguments[...]
    }

    /// The next option and its value (`nil` for a switch), or `nil` at the end.
    /// - Throws: ``DeriveError/usage(_:)`` for an unknown option, a missing value or a stray argument.
    mutating func next() throws(DeriveError) -> (Option, String?)? {
        guard let argument = remaining.popFirst() else { return nil }
        if argument == "-h" { return (.help, nil) }
        guard argument.hasPrefix("--") else {
            throw .usage(.unexpectedArgument(argument))
        }
        let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let flag = String(parts[0])
        guard let option = Option(rawValue: flag) else {
            throw .usage(.unknownOption(flag))
        }
        guard option.valueName != nil else {
            if parts.count > 1 { throw .usage(.valueForSwitch(option)) }
            return (option, nil)
        }
        if parts.count > 1 { return (option, String(parts[1])) }
        if option.hasOptionalValue, remaining.first.map({ $0.hasPrefix("-") }) ?? true { return (option, nil) }
        guard let value = remaining.first, !value.hasPrefix("--") || Double(value) != nil else {
            throw .usage(.missingValue(option))
        }
        remaining.removeFirst()
        return (option, value)
    }
}
