/// A sum of products Σ a · b built term by term, whose value is rounded as its ``Rounding`` says: computed in
/// decimal from the printed digits and rounded half away from zero, or in binary when the rounding is exact.
///
/// `var sum = rounding.sum(); sum.add(0.13, times: 0.4); sum.add(0.95, times: 0.61)` gives 0.6315 at four
/// digits, where binary arithmetic gives 0.6315000000000001.
public struct RoundedSum: Sendable {
    /// How the value is rounded.
    public let rounding: Rounding
    /// The sum in binary, in the order the terms were added: the value when the rounding is exact, and the
    /// fallback when a term has no decimal.
    private var binary = 0.0
    /// Σ |a · b|, which bounds the error of the binary sum.
    private var magnitude = 0.0
    /// The number of terms.
    private var count = 0
    /// The first two terms, kept without allocating for the decimal sum a value near a tie needs.
    private var first = (0.0, 0.0), second = (0.0, 0.0)
    /// The terms after the first two.
    private var more: [(Double, Double)] = []

    init(rounding: Rounding) {
        self.rounding = rounding
    }

    /// Adds a · b.
    public mutating func add(_ a: Double, times b: Double) {
        let product = a * b
        binary += product
        guard rounding.significantDigits != nil else { return }
        magnitude += Swift.abs(product)
        switch count {
        case 0: first = (a, b)
        case 1: second = (a, b)
        default: more.append((a, b))
        }
        count += 1
    }

    /// Adds a.
    public mutating func add(_ a: Double) {
        add(a, times: 1)
    }

    /// The sum, rounded: from the binary sum when its error, at most (n + 2) units of the last place of Σ |a · b|,
    /// cannot move it across a tie; else from the exact decimal sum.
    public var value: Double {
        guard let digits = rounding.significantDigits, magnitude > 0 else { return binary }
        // Far beyond the decimal's range (vanishing or exploding gradients) the binary sum is all there is.
        guard (1e-100...1e100).contains(Swift.abs(binary)) || binary == 0 else { return rounding(binary) }
        let tolerance = Swift.max(1e-14 * Swift.abs(binary), Double(count + 2) * 4.5e-16 * magnitude)
        if let rounded = Rounding.rounded(binary, to: digits, unlessWithin: tolerance) { return rounded }
        var decimal: ExactDecimal? = .zero
        for (a, b) in ([first, second].prefix(count) + more) {
            guard let total = decimal, let x = ExactDecimal(a), let y = ExactDecimal(b), let product = x * y else {
                decimal = nil
                break
            }
            decimal = total + product
        }
        return decimal?.rounded(to: digits) ?? rounding(binary)
    }
}
