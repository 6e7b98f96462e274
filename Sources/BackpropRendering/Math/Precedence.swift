/// Binding strength of printed expressions: a child binding more loosely than its context gets parentheses.
enum Precedence: Int, Comparable {
    /// a + b.
    case sum
    /// −a.
    case prefix
    /// a · b, and a / b in linear text.
    case product
    /// a^b.
    case power
    /// Symbols, numbers, function applications, LaTeX fractions.
    case atom

    static func < (lhs: Precedence, rhs: Precedence) -> Bool { lhs.rawValue < rhs.rawValue }
}
