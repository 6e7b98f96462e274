import Testing
@testable import BackpropCore

@Suite struct ExpressionSimplificationTests {
    let x = Expression.of(.variable("x"))
    let y = Expression.of(.variable("y"))
    let z = Expression.of(.variable("z"))

    // MARK: - Products

    @Test func zeroTimesAnythingIsZero() {
        #expect(0 * x == .zero)
        #expect(x * 0 == .zero)
        #expect(Expression.product(of: [x, y, 0, .apply(.exp, z)]) == .zero)
    }

    @Test func oneTimesXIsX() {
        #expect(1 * x == x)
        #expect(x * 1 == x)
        #expect(Expression.product(of: [1, x, 1]) == x)
    }

    @Test func emptyAndConstantProducts() {
        #expect(Expression.product(of: []) == .one)
        #expect(Expression.product(of: [2, 3]) == 6)
        #expect(Expression.product(of: [-1]) == -1)
    }

    @Test func constantsFoldIntoLeadingCoefficient() {
        #expect(Expression.product(of: [2, x, 3]) == .product([6, x]))
        #expect(Expression.product(of: [x, 0.5, y, 4]) == .product([2, x, y]))
        #expect(2 * x * 0.5 == x)
    }

    @Test func nestedProductsFlatten() {
        #expect(Expression.product(of: [.product([x, y]), z]) == .product([x, y, z]))
        #expect(Expression.product(of: [x, .product([y, .product([2, z])])]) == .product([2, x, y, z]))
        #expect(x * (y * z) == .product([x, y, z]))
    }

    @Test func signsArePulledOutOfProducts() {
        #expect(Expression.product(of: [.negation(x), y]) == .negation(.product([x, y])))
        #expect(Expression.product(of: [.negation(x), .negation(y)]) == .product([x, y]))
        #expect(-1 * x == .negation(x))
        #expect(Expression.product(of: [-2, .negation(x)]) == .product([2, x]))
        #expect(-2 * x == .product([-2, x]))
    }

    // MARK: - Sums

    @Test func addingZeroChangesNothing() {
        #expect(x + 0 == x)
        #expect(0 + x == x)
        #expect(Expression.sum(of: [0, x, 0]) == x)
        #expect(Expression.sum(of: []) == .zero)
    }

    @Test func constantsFoldInSums() {
        #expect(Expression.sum(of: [1, x, 2]) == .sum([3, x]))
        #expect(Expression.sum(of: [x, 1, y, 2.5]) == .sum([x, 3.5, y]))
        #expect(Expression.sum(of: [x, 1, -1]) == x)
        #expect(Expression.sum(of: [1, 2]) == 3)
    }

    @Test func nestedSumsFlatten() {
        #expect(Expression.sum(of: [.sum([x, y]), z]) == .sum([x, y, z]))
        #expect((x + y) + (z + 1) == .sum([x, y, z, 1]))
        #expect(x + (y + (z + x)) == .sum([x, y, z, x]))
    }

    @Test func subtractionWritesNegatedTerm() {
        #expect(x - y == .sum([x, .negation(y)]))
        #expect(x - 1 == .sum([x, -1]))
        #expect(1 - x == .sum([1, .negation(x)]))
        #expect(x - 2 * y == .sum([x, .product([-2, y])]))
    }

    // MARK: - Negation

    @Test func doubleNegationCancels() {
        #expect(-(-x) == x)
        #expect(Expression.negate(.negation(x)) == x)
        #expect(-(-(-x)) == .negation(x))
    }

    @Test func negatingConstantsAndZero() {
        #expect(-Expression.constant(3) == -3)
        #expect(-Expression.zero == .zero)
        #expect(Expression.negate(.product([2, x])) == .product([-2, x]))
    }

    // MARK: - Powers

    @Test func powerOfOneIsTheBase() {
        #expect(Expression.power(x, raisedTo: 1) == x)
        #expect(Expression.power(x + y, raisedTo: 1) == .sum([x, y]))
    }

    @Test func powerOfZeroIsOne() {
        #expect(Expression.power(x, raisedTo: 0) == .one)
    }

    @Test func constantPowersFold() {
        #expect(Expression.power(2, raisedTo: 3) == 8)
        #expect(Expression.power(4, raisedTo: 0.5) == 2)
        #expect(Expression.power(x, raisedTo: 2) == .power(x, 2))
        // An undefined constant power is kept as written rather than folded into NaN or ∞.
        #expect(Expression.power(-8, raisedTo: 0.5) == .power(-8, 0.5))
        #expect(Expression.power(0, raisedTo: -1) == .power(0, -1))
    }

    // MARK: - Quotients

    @Test func wholeCoefficientQuotientsFold() {
        #expect(2 * x / 2 == x)
        #expect(Expression.product(of: [6, x]) / 3 == .product([2, x]))
        #expect(Expression.constant(6) / 4 == 1.5)
        #expect(x / 1 == x)
    }

    @Test func fractionalCoefficientQuotientsStay() {
        #expect(x / 2 == .quotient(x, 2))
        #expect(Expression.product(of: [3, x]) / 2 == .quotient(.product([3, x]), 2))
    }

    @Test func zeroNumeratorIsZero() {
        #expect(0 / x == .zero)
        #expect(Expression.zero / 2 == .zero)
    }

    @Test func divisionByConstantZeroIsKept() {
        #expect(x / 0 == .quotient(x, 0))
    }

    @Test func productWithReciprocalIsAQuotient() {
        #expect(y * (1 / x) == .quotient(y, x))
        #expect((1 / x) * y * z == .quotient(.product([y, z]), x))
        #expect(Expression.product(of: [.quotient(x, y), .quotient(z, x)]) == .quotient(.product([x, z]), .product([y, x])))
        #expect(2 * (x / y) == .quotient(.product([2, x]), y))
    }

    @Test func negativeFractionsCarryTheirSignInFront() {
        #expect(-(x / y) == .negation(.quotient(x, y)))
        #expect(Expression.quotient(of: .negation(x), by: y) == .negation(.quotient(x, y)))
        #expect(Expression.quotient(of: -1, by: x) == .negation(.quotient(1, x)))
        #expect(Expression.quotient(of: .product([-3, x]), by: y) == .negation(.quotient(.product([3, x]), y)))
        #expect(-2 * (x / y) == .negation(.quotient(.product([2, x]), y)))
        #expect(-x / 3 == .negation(.quotient(x, 3)))
    }

    @Test func rawCasesAreKeptAsGiven() {
        // The enum cases never simplify: a numeric substitution such as 0.5 · 0.25 is written as is.
        let raw = Expression.product([0.5, 0.25])
        #expect(raw != 0.125)
        #expect(Expression.sum([x, 0]) != x)
        #expect(Expression.product(of: [0.5, 0.25]) == 0.125)
    }

    @Test func substitutingKeepsStructure() throws {
        let expression = Expression.sum([.product([.of(.variable("w")), .of(.variable("o"))]), .of(.variable("b"))])
        let substituted = expression.substituting { symbol in
            symbol == .variable("b") ? nil : (symbol == .variable("w") ? 0.5 : 0.25)
        }
        #expect(substituted == .sum([.product([0.5, 0.25]), .of(.variable("b"))]))
        #expect(try substituted.evaluate([.variable("b"): 1]) == 1.125)
    }

    @Test func literalsAreConstants() {
        let integer: Expression = 3
        let real: Expression = 2.5
        #expect(integer == .constant(3))
        #expect(real == .constant(2.5))
        #expect(integer.constantValue == 3)
        #expect(x.constantValue == nil)
    }
}
