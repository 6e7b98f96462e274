import Foundation
import TestSupport
import Testing
@testable import BackpropCore

@Suite struct ExpressionEvaluationTests {
    let x = Symbol.variable("x"), y = Symbol.variable("y")
    var bindings: [Symbol: Double] { [x: 3, y: -2] }

    // MARK: - Structure

    @Test func constantEvaluatesToItself() throws {
        #expect(try Expression.constant(2.5).evaluate([:]) == 2.5)
        #expect(try Expression.zero.evaluate([:]) == 0)
        #expect(try Expression.one.evaluate([:]) == 1)
    }

    @Test func symbolTakesItsBoundValue() throws {
        #expect(try Expression.of(x).evaluate(bindings) == 3)
        #expect(try Expression.of(.weight(layer: 0, from: 1, to: 2)).evaluate([.weight(layer: 0, from: 1, to: 2): 0.25]) == 0.25)
    }

    @Test func closureBindingsAreConsulted() throws {
        let value = try Expression.sum([.of(x), .of(y)]).evaluate { symbol in symbol == x ? 10 : 1 }
        #expect(value == 11)
    }

    @Test func sumAddsTerms() throws {
        #expect(try Expression.sum([.of(x), .of(y), 0.5]).evaluate(bindings) == 1.5)
        #expect(try Expression.sum([]).evaluate([:]) == 0)
    }

    @Test func productMultipliesFactors() throws {
        #expect(try Expression.product([.of(x), .of(y), 0.5]).evaluate(bindings) == -3)
        #expect(try Expression.product([]).evaluate([:]) == 1)
    }

    @Test func quotientDivides() throws {
        #expect(try Expression.quotient(.of(x), .of(y)).evaluate(bindings) == -1.5)
    }

    @Test func powerRaises() throws {
        #expect(try Expression.power(.of(x), 2).evaluate(bindings) == 9)
        #expect(try Expression.power(.of(y), 3).evaluate(bindings) == -8)
        #expect(try Expression.power(.of(y), -2).evaluate(bindings) == 0.25)
        #expect(try Expression.power(4, 0.5).evaluate([:]) == 2)
        #expect(try Expression.power(0, 0).evaluate([:]) == 1)
    }

    @Test func negationFlipsSign() throws {
        #expect(try Expression.negation(.of(x)).evaluate(bindings) == -3)
        #expect(try Expression.negation(.negation(.of(y))).evaluate(bindings) == -2)
    }

    @Test func nestedExpression() throws {
        // (x + 1)² / (2 − y) = 16 / 4
        let expression = Expression.quotient(.power(.sum([.of(x), 1]), 2), .sum([2, .negation(.of(y))]))
        #expect(try expression.evaluate(bindings) == 4)
    }

    // MARK: - Elementary functions

    /// Points and values of f, each checked through `Expression.evaluate` and `ElementaryFunction.value(at:)`.
    static func samples(of function: ElementaryFunction) -> [(x: Double, value: Double)] {
        switch function {
        case .exp: return [(0, 1), (1, M_E), (-2, 1 / (M_E * M_E))]
        case .log: return [(1, 0), (M_E, 1), (0.5, -M_LN2)]
        case .sqrt: return [(0, 0), (4, 2), (2, 2.squareRoot())]
        case .sin: return [(0, 0), (Double.pi / 2, 1), (-Double.pi / 6, -0.5)]
        case .cos: return [(0, 1), (Double.pi, -1), (Double.pi / 3, 0.5)]
        case .tanh: return [(0, 0), (M_LN2, 0.6), (-M_LN2, -0.6)]  // tanh(log 2) = (2 − 1/2)/(2 + 1/2)
        case .sigmoid: return [(0, 0.5), (M_LN2, 2.0 / 3.0), (-M_LN2, 1.0 / 3.0)]  // σ(log 2) = 1/(1 + 1/2)
        case .relu: return [(-2, 0), (0, 0), (1.5, 1.5)]
        case .leakyRelu: return [(-2, -0.02), (0, 0), (1.5, 1.5)]
        case .softplus: return [(0, M_LN2), (log(3), log(4)), (-log(3), log(4.0 / 3.0))]
        case .abs: return [(-2, 2), (0, 0), (1.5, 1.5)]
        case .step: return [(-2, 0), (0, 0), (1e-300, 1), (1.5, 1)]
        }
    }

    @Test(arguments: ElementaryFunction.allCases)
    func elementaryFunctionValues(_ function: ElementaryFunction) throws {
        for (point, expected) in Self.samples(of: function) {
            let direct = try function.value(at: point)
            let evaluated = try Expression.apply(function, .of(x)).evaluate([x: point])
            #expect(direct == evaluated)
            #expect(isClose(direct, expected, relative: 1e-14, floor: 1e-300), "\(function)(\(point)) = \(direct), expected \(expected)")
        }
    }

    @Test(arguments: ElementaryFunction.allCases)
    func elementaryFunctionOfCompoundArgument(_ function: ElementaryFunction) throws {
        // f(x − 2.5) at x = 3 is f(0.5), which lies in every function's domain.
        let value = try Expression.apply(function, .sum([.of(x), -2.5])).evaluate(bindings)
        let expected = try function.value(at: 0.5)
        #expect(value == expected)
    }

    // MARK: - Softmax

    @Test func softmaxComponents() throws {
        let inputs = [1.0, 2.0, 3.0]
        let arguments = inputs.map(Expression.constant)
        let exponentials = inputs.map { Foundation.exp($0) }
        let total = exponentials.reduce(0, +)
        var sum = 0.0
        for index in inputs.indices {
            let value = try Expression.application(.softmax(index: index), arguments).evaluate([:])
            #expect(isClose(value, exponentials[index] / total, relative: 1e-15))
            sum += value
        }
        #expect(abs(sum - 1) < 1e-15)
    }

    @Test func softmaxOfSymbols() throws {
        let expression = Expression.application(.softmax(index: 1), [.of(x), .of(y)])
        // e^{-2} / (e^3 + e^{-2}) = 1 / (1 + e^5)
        #expect(isClose(try expression.evaluate(bindings), 1 / (1 + Foundation.exp(5)), relative: 1e-14))
    }

    @Test func softmaxValuesSumToOne() {
        let values = Softmax.values(of: [0.3, -1.2, 4, 0])
        #expect(abs(values.reduce(0, +) - 1) < 1e-15)
        #expect(values.allSatisfy { $0 > 0 && $0 < 1 })
        #expect(Softmax.values(of: []) == [])
        #expect(Softmax.values(of: [7]) == [1])
    }

    @Test func softmaxIndexOutOfRangeIsAnError() {
        #expect(throws: EvaluationError.abstract) {
            try Expression.application(.softmax(index: 2), [1, 2]).evaluate([:])
        }
    }

    // MARK: - Errors

    @Test func unboundSymbol() {
        #expect(throws: EvaluationError.unbound(.target(neuron: 1))) {
            try Expression.sum([.of(x), .of(.target(neuron: 1))]).evaluate(bindings)
        }
    }

    @Test func logOfNonPositive() {
        #expect(throws: EvaluationError.outsideDomain(function: "log", argument: 0)) {
            try Expression.apply(.log, 0).evaluate([:])
        }
        #expect(throws: EvaluationError.outsideDomain(function: "log", argument: -2)) {
            try Expression.apply(.log, .of(y)).evaluate(bindings)
        }
    }

    @Test func sqrtOfNegative() {
        #expect(throws: EvaluationError.outsideDomain(function: "sqrt", argument: -2)) {
            try Expression.apply(.sqrt, .of(y)).evaluate(bindings)
        }
    }

    @Test func divisionByZero() {
        #expect(throws: EvaluationError.divisionByZero) {
            try Expression.quotient(.of(x), .sum([.of(x), -3])).evaluate(bindings)
        }
        #expect(throws: EvaluationError.divisionByZero) {
            try Expression.power(0, -1).evaluate([:])
        }
    }

    @Test func fractionalPowerOfNegativeBase() {
        #expect(throws: EvaluationError.outsideDomain(function: "a fractional power", argument: -2)) {
            try Expression.power(.of(y), 0.5).evaluate(bindings)
        }
    }

    @Test func overflowIsNotFinite() {
        #expect(throws: EvaluationError.notFinite) {
            try Expression.apply(.exp, 1000).evaluate([:])
        }
        #expect(throws: EvaluationError.notFinite) {
            try Expression.product([1e200, 1e200]).evaluate([:])
        }
    }

    @Test func abstractFunctionsAndPartialsHaveNoValue() {
        let f = Expression.of(.preactivation(layer: 1, neuron: 0))
        let bindings: [Symbol: Double] = [.preactivation(layer: 1, neuron: 0): 0.5]
        #expect(throws: EvaluationError.abstract) {
            try Expression.application(.activation(layer: 1), [f]).evaluate(bindings)
        }
        #expect(throws: EvaluationError.abstract) {
            try Expression.application(.loss, [f, f]).evaluate(bindings)
        }
        #expect(throws: EvaluationError.abstract) {
            try Expression.partial(.loss, .preactivation(layer: 1, neuron: 0)).evaluate(bindings)
        }
        #expect(throws: EvaluationError.abstract) {
            try Expression.application(.elementary(.exp), [f, f]).evaluate(bindings)
        }
    }

    // MARK: - Numerical stability

    @Test func sigmoidIsStableForLargeArguments() throws {
        let high = try ElementaryFunction.sigmoid.value(at: 1000)
        let low = try ElementaryFunction.sigmoid.value(at: -1000)
        #expect(high == 1)
        #expect(low.isFinite && low >= 0 && low < 1e-300)
        // Where e^{-x} is still representable, the tail is resolved rather than rounded to 0.
        let tail = try ElementaryFunction.sigmoid.value(at: -700)
        #expect(isClose(tail, Foundation.exp(-700), relative: 1e-12))
        #expect(try Expression.apply(.sigmoid, .of(x)).evaluate([x: -1000]) == low)
    }

    @Test func softplusIsStableForLargeArguments() throws {
        #expect(try ElementaryFunction.softplus.value(at: 1000) == 1000)
        let low = try ElementaryFunction.softplus.value(at: -1000)
        #expect(low.isFinite && low >= 0 && low < 1e-300)
        let tail = try ElementaryFunction.softplus.value(at: -700)
        #expect(isClose(tail, Foundation.exp(-700), relative: 1e-12))  // log(1 + ε) ≈ ε
        #expect(try Expression.apply(.softplus, .of(x)).evaluate([x: 1000]) == 1000)
    }

    @Test func tanhIsStableForLargeArguments() throws {
        #expect(try ElementaryFunction.tanh.value(at: 1000) == 1)
        #expect(try ElementaryFunction.tanh.value(at: -1000) == -1)
    }

    @Test func softmaxIsStableForLargeArguments() throws {
        let arguments: [Expression] = [1000, 0]
        let first = try Expression.application(.softmax(index: 0), arguments).evaluate([:])
        let second = try Expression.application(.softmax(index: 1), arguments).evaluate([:])
        #expect(first == 1)
        #expect(second.isFinite && second >= 0 && second < 1e-300)
        let values = Softmax.values(of: [1000, 999])
        #expect(isClose(values[0], 1 / (1 + Foundation.exp(-1)), relative: 1e-14))
        #expect(isClose(values[1], 1 / (1 + Foundation.exp(1)), relative: 1e-14))
    }
}
