import Foundation
import TestSupport
import Testing
@testable import BackpropCore

@Suite struct ExpressionDerivativeTests {
    let xSymbol = Symbol.variable("x"), ySymbol = Symbol.variable("y")
    var x: Expression { .of(xSymbol) }
    var y: Expression { .of(ySymbol) }

    /// Checks d`expression`/dx against a fourth-order central difference at each point, within 1e-6 relative
    /// (see ``isClose(_:_:relative:floor:)``), with `y` fixed at `yValue`.
    func expectDerivativeMatchesFiniteDifference(
        of expression: Expression, at points: [Double], y yValue: Double = 0.7,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let derivative = expression.derivative(withRespectTo: xSymbol)
        for point in points {
            let symbolic = try derivative.evaluate([xSymbol: point, ySymbol: yValue])
            let numeric = try FiniteDifference.derivative(at: point, step: FiniteDifference.step(at: point)) {
                try expression.evaluate([xSymbol: $0, ySymbol: yValue])
            }
            #expect(isClose(symbolic, numeric), "d/dx at x = \(point): symbolic \(symbolic), numeric \(numeric)",
                    sourceLocation: sourceLocation)
        }
    }

    // MARK: - Elementary functions

    /// Points inside each function's domain, at least 0.1 away from the kinks of relu, leaky-relu, abs and step.
    static func points(for function: ElementaryFunction) -> [Double] {
        switch function {
        case .log, .sqrt: return [0.2, 1, 3.5]
        case .relu, .leakyRelu, .abs, .step: return [-2.5, -0.3, 0.4, 1.7]
        case .exp, .sin, .cos, .tanh, .sigmoid, .softplus: return [-2.1, -0.4, 0, 0.9, 3]
        }
    }

    @Test(arguments: ElementaryFunction.allCases)
    func elementaryDerivativeMatchesFiniteDifference(_ function: ElementaryFunction) throws {
        try expectDerivativeMatchesFiniteDifference(of: .apply(function, x), at: Self.points(for: function))
    }

    @Test(arguments: ElementaryFunction.allCases)
    func elementaryDerivativeUsesItsArgument(_ function: ElementaryFunction) throws {
        // derivative(at:) writes f' in terms of whatever argument it is given.
        let argument = Expression.sum([.of(xSymbol), 0.25])
        for point in Self.points(for: function) {
            let shifted = try function.derivative(at: argument).evaluate([xSymbol: point - 0.25])
            let direct = try function.derivative(at: .constant(point)).evaluate([:])
            #expect(isClose(shifted, direct, relative: 1e-14))
        }
    }

    @Test func knownDerivativeForms() {
        #expect(Expression.apply(.exp, x).derivative(withRespectTo: xSymbol) == .apply(.exp, x))
        #expect(Expression.apply(.log, x).derivative(withRespectTo: xSymbol) == .quotient(1, x))
        #expect(Expression.apply(.sin, x).derivative(withRespectTo: xSymbol) == .apply(.cos, x))
        #expect(Expression.apply(.cos, x).derivative(withRespectTo: xSymbol) == .negation(.apply(.sin, x)))
        #expect(Expression.apply(.tanh, x).derivative(withRespectTo: xSymbol)
                == .sum([1, .negation(.power(.apply(.tanh, x), 2))]))
        #expect(Expression.apply(.relu, x).derivative(withRespectTo: xSymbol) == .apply(.step, x))
        #expect(Expression.apply(.softplus, x).derivative(withRespectTo: xSymbol) == .apply(.sigmoid, x))
        #expect(Expression.apply(.step, x).derivative(withRespectTo: xSymbol) == .zero)
    }

    @Test func sigmoidDerivativeIsSigmoidTimesOneMinusSigmoid() {
        let sigma = Expression.apply(.sigmoid, x)
        #expect(sigma.derivative(withRespectTo: xSymbol) == .product([sigma, .sum([1, .negation(sigma)])]))
    }

    @Test func leakyReluDerivativeAtBothSides() throws {
        let derivative = Expression.apply(.leakyRelu, x).derivative(withRespectTo: xSymbol)
        #expect(try derivative.evaluate([xSymbol: 2]) == 1)
        #expect(try derivative.evaluate([xSymbol: -2]) == ElementaryFunction.leakySlope)
        #expect(try derivative.evaluate([xSymbol: 0]) == ElementaryFunction.leakySlope)
    }

    // MARK: - Rules

    @Test func derivativeOfConstantsAndOtherSymbolsIsZero() {
        #expect(Expression.constant(3).derivative(withRespectTo: xSymbol) == .zero)
        #expect(y.derivative(withRespectTo: xSymbol) == .zero)
        #expect(x.derivative(withRespectTo: xSymbol) == .one)
        #expect(Expression.product([y, .apply(.exp, y)]).derivative(withRespectTo: xSymbol) == .zero)
        #expect(Expression.partial(.loss, xSymbol).derivative(withRespectTo: xSymbol) == .zero)
    }

    @Test func sumRule() throws {
        let expression = Expression.sum([x, .power(x, 2), y, 4])
        #expect(expression.derivative(withRespectTo: xSymbol) == .sum([1, .product([2, x])]))
        try expectDerivativeMatchesFiniteDifference(of: expression, at: [-1.3, 0.5, 2])
    }

    @Test func productRule() throws {
        let expression = Expression.product([x, .apply(.sin, x)])
        #expect(expression.derivative(withRespectTo: xSymbol) == .sum([.apply(.sin, x), .product([x, .apply(.cos, x)])]))
        try expectDerivativeMatchesFiniteDifference(of: expression, at: [-1.3, 0.5, 2])
        try expectDerivativeMatchesFiniteDifference(of: .product([x, y, .apply(.exp, x), .apply(.tanh, x)]), at: [-0.8, 0.1, 1.4])
    }

    @Test func productRuleSkipsConstantFactors() {
        // d/dx (w · o) with respect to w is o, the other factor alone.
        let w = Symbol.weight(layer: 0, from: 0, to: 0), o = Symbol.activation(layer: 0, neuron: 0)
        #expect(Expression.product([.of(w), .of(o)]).derivative(withRespectTo: w) == .of(o))
        #expect(Expression.product([3, .of(w), .of(o)]).derivative(withRespectTo: w) == .product([3, .of(o)]))
    }

    @Test func quotientRule() throws {
        let expression = Expression.quotient(.apply(.sin, x), x)
        let expected = Expression.quotient(
            .sum([.product([.apply(.cos, x), x]), .negation(.apply(.sin, x))]), .power(x, 2))
        #expect(expression.derivative(withRespectTo: xSymbol) == expected)
        try expectDerivativeMatchesFiniteDifference(of: expression, at: [-1.3, 0.5, 2])
        try expectDerivativeMatchesFiniteDifference(of: .quotient(.apply(.exp, x), .sum([1, .power(x, 2)])), at: [-1, 0, 0.5, 2])
    }

    @Test func quotientByConstantDenominator() throws {
        #expect(Expression.quotient(x, y).derivative(withRespectTo: xSymbol) == .quotient(1, y))
        #expect(Expression.quotient(.product([6, x]), 3).derivative(withRespectTo: xSymbol) == 2)
    }

    @Test func reciprocalDerivativeHasItsSignInFront() throws {
        // d/dx 1/x = −1/x², not (−1)/x².
        let derivative = Expression.quotient(1, x).derivative(withRespectTo: xSymbol)
        #expect(derivative == .negation(.quotient(1, .power(x, 2))))
        try expectDerivativeMatchesFiniteDifference(of: .quotient(1, x), at: [-2, 0.5, 3])
    }

    @Test func powerRule() throws {
        #expect(Expression.power(x, 3).derivative(withRespectTo: xSymbol) == .product([3, .power(x, 2)]))
        #expect(Expression.power(x, 2).derivative(withRespectTo: xSymbol) == .product([2, x]))
        try expectDerivativeMatchesFiniteDifference(of: .power(x, 3), at: [-1.5, 0.2, 2])
        try expectDerivativeMatchesFiniteDifference(of: .power(x, -2), at: [-1.5, 0.2, 2])
        try expectDerivativeMatchesFiniteDifference(of: .power(x, 0.5), at: [0.3, 2])
        // A symbolic exponent that does not depend on x: y x^(y − 1).
        try expectDerivativeMatchesFiniteDifference(of: .power(x, y), at: [0.3, 1, 2.5], y: 2.7)
        #expect(Expression.power(x, y).derivative(withRespectTo: xSymbol) == .product([y, .power(x, .sum([y, -1]))]))
    }

    @Test func powerWithVariableExponent() throws {
        // d/dx 2^x = 2^x log 2; d/dx x^x = x^x (log x + 1).
        #expect(Expression.power(2, x).derivative(withRespectTo: xSymbol) == .product([.power(2, x), .apply(.log, 2)]))
        try expectDerivativeMatchesFiniteDifference(of: .power(2, x), at: [-1, 0, 1.5])
        try expectDerivativeMatchesFiniteDifference(of: .power(x, x), at: [0.4, 1, 2.2])
        try expectDerivativeMatchesFiniteDifference(of: .power(.apply(.sigmoid, x), .product([y, x])), at: [-1, 0.3, 1.2])
    }

    @Test func chainRule() throws {
        let inner = Expression.apply(.sin, x)
        #expect(Expression.apply(.exp, inner).derivative(withRespectTo: xSymbol) == .product([.apply(.exp, inner), .apply(.cos, x)]))
        try expectDerivativeMatchesFiniteDifference(of: .apply(.exp, inner), at: [-1, 0.4, 2])
        try expectDerivativeMatchesFiniteDifference(of: .apply(.log, .sum([1, .power(x, 2)])), at: [-1, 0.4, 2])
        try expectDerivativeMatchesFiniteDifference(
            of: .apply(.sigmoid, .apply(.tanh, .product([y, .apply(.softplus, x)]))), at: [-2, 0, 1.1])
        try expectDerivativeMatchesFiniteDifference(of: .apply(.sqrt, .apply(.exp, .negation(x))), at: [-1, 0.5])
    }

    @Test func negationRule() throws {
        #expect(Expression.negation(.apply(.sin, x)).derivative(withRespectTo: xSymbol) == .negation(.apply(.cos, x)))
        #expect(Expression.negation(.negation(x)).derivative(withRespectTo: xSymbol) == .one)
    }

    // MARK: - Abstract functions

    @Test func abstractActivationGivesPartialNode() {
        let fSymbol = Symbol.preactivation(layer: 3, neuron: 0)
        let f = Expression.of(fSymbol)
        let g = Expression.application(.activation(layer: 3), [f])
        #expect(g.derivative(withRespectTo: fSymbol) == .partial(of: g, withRespectTo: f))
    }

    @Test func abstractActivationOfCompoundArgumentMultipliesInnerDerivative() {
        // ∂g(w·o)/∂w = ∂g(w·o)/∂(w·o) · o
        let w = Symbol.weight(layer: 2, from: 0, to: 0), o = Symbol.activation(layer: 2, neuron: 0)
        let inner = Expression.product([.of(w), .of(o)])
        let g = Expression.application(.activation(layer: 3), [inner])
        #expect(g.derivative(withRespectTo: w) == .product([.partial(of: g, withRespectTo: inner), .of(o)]))
        // A constant factor of the inner derivative is written first.
        let scaled = Expression.application(.activation(layer: 3), [.product([2, .of(w)])])
        #expect(scaled.derivative(withRespectTo: w) == .product([2, .partial(of: scaled, withRespectTo: .product([2, .of(w)]))]))
        #expect(g.derivative(withRespectTo: .bias(layer: 3, neuron: 0)) == .zero)
    }

    @Test func abstractLossGivesPartialNodePerArgument() {
        let o = Expression.of(.activation(layer: 2, neuron: 0)), t = Expression.of(.target(neuron: 0))
        let loss = Expression.application(.loss, [o, t])
        #expect(loss.derivative(withRespectTo: .activation(layer: 2, neuron: 0)) == .partial(of: loss, withRespectTo: o))
        #expect(loss.derivative(withRespectTo: .target(neuron: 0)) == .partial(of: loss, withRespectTo: t))
    }

    // MARK: - Softmax

    @Test func softmaxJacobianMatchesFiniteDifferences() throws {
        let symbols = (0..<3).map { Symbol.variable("x\($0)") }
        let arguments = symbols.map(Expression.of)
        let point: [Double] = [0.4, -1.1, 2.3]
        var bindings = Dictionary(uniqueKeysWithValues: zip(symbols, point))
        let s = Softmax.values(of: point)
        for j in 0..<3 {
            let component = Expression.application(.softmax(index: j), arguments)
            for m in 0..<3 {
                let symbolic = try component.derivative(withRespectTo: symbols[m]).evaluate(bindings)
                #expect(isClose(symbolic, s[j] * ((j == m ? 1 : 0) - s[m]), relative: 1e-14))
                let numeric = try FiniteDifference.derivative(at: point[m], step: 1e-4) { value in
                    bindings[symbols[m]] = value
                    defer { bindings[symbols[m]] = point[m] }
                    return try component.evaluate(bindings)
                }
                #expect(isClose(symbolic, numeric), "∂s_\(j)/∂x_\(m): symbolic \(symbolic), numeric \(numeric)")
            }
        }
    }

    @Test func softmaxJacobianForm() {
        let arguments: [Expression] = [.of(.preactivation(layer: 1, neuron: 0)), .of(.preactivation(layer: 1, neuron: 1))]
        let s0 = Expression.application(.softmax(index: 0), arguments)
        let s1 = Expression.application(.softmax(index: 1), arguments)
        #expect(s0.derivative(withRespectTo: .preactivation(layer: 1, neuron: 0)) == .product([s0, .sum([1, .negation(s0)])]))
        #expect(s0.derivative(withRespectTo: .preactivation(layer: 1, neuron: 1)) == .negation(.product([s0, s1])))
    }

    @Test func softmaxOfCompoundArgumentsAppliesChainRule() throws {
        let arguments: [Expression] = [.product([2, x]), .apply(.sin, x), y]
        for j in 0..<3 {
            try expectDerivativeMatchesFiniteDifference(
                of: .application(.softmax(index: j), arguments), at: [-0.7, 0.3, 1.9], y: -0.4)
        }
    }
}
