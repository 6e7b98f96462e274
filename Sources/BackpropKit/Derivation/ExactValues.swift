extension Network {
    /// The values a derivation of this network is given rather than computes: every weight, bias, input and
    /// target, the learning rate, and the constants of the leaky rectifier's derivative.
    package var givenValues: [Double] {
        var values = input + target + (learningRate.map { [$0] } ?? [])
        for layer in layers {
            values += layer.weights.joined()
            values += layer.biases ?? []
        }
        if layers.contains(where: { $0.activation == .leakyRelu }) {
            values += [ElementaryFunction.leakySlope, 1 - ElementaryFunction.leakySlope]
        }
        return values
    }
}

extension GraphDerivation {
    /// The values the derivation is given rather than computes: the point, and the numbers written in the
    /// nodes' formulas and local derivatives (each one operator deep).
    package var givenValues: [Double] {
        var values = Array(forward.values.prefix(graph.inputCount))
        for formula in graph.nodes.compactMap(\.expression) + graph.edges.map(\.localDerivative) {
            values += Self.numbers(in: formula)
        }
        return values
    }

    /// The constants of `expression`, walked without recursion.
    private static func numbers(in expression: Expression) -> [Double] {
        var numbers: [Double] = []
        var pending = [expression]
        while let next = pending.popLast() {
            switch next {
            case .constant(let value): numbers.append(value)
            case .symbol: break
            case .sum(let parts), .product(let parts), .application(_, let parts): pending += parts
            case .quotient(let a, let b), .power(let a, let b), .partial(let a, let b): pending += [a, b]
            case .negation(let a): pending.append(a)
            }
        }
        return numbers
    }
}
